# tf.Module: names and name scopes, variables / trainable / submodules found through attributes,
# with_name_scope.


class Dense(tf.Module):
    def __init__(self, n, name=None):
        super().__init__(name=name)
        with self.name_scope:
            self.w = tf.Variable(tf.ones([2, n]), name="w")
            self.b = tf.Variable(tf.zeros([n]), name="b", trainable=False)

    @tf.Module.with_name_scope
    def __call__(self, x):
        return tf.matmul(x, self.w) + self.b


class Net(tf.Module):
    def __init__(self):
        super().__init__()
        self.l1 = Dense(3, name="first")
        self.layers = [Dense(2), {"k": Dense(1)}]
        self.again = self.l1


class HTTPServerModel(tf.Module):
    pass


net = Net()
print(net.name, net.name_scope.name, net.l1.name, net.l1.name_scope.name)
print([v.name for v in net.variables], [v.name for v in net.trainable_variables],
      [v.name for v in net.non_trainable_variables])
print([m.name for m in net.submodules], [m.name_scope.name for m in net.submodules])
print(net.l1(tf.ones([1, 2])).op.name, net.l1(tf.ones([1, 2])).op.name)
show_error(tf.Module, name="bad name")
print(Dense(1).name_scope.name, tf.Module().name, HTTPServerModel().name)
with tf.name_scope("outer"):
    inner = Dense(1, name="inner")
print(inner.name, inner.name_scope.name, inner.w.name)
print(sorted(n for n in dir(tf.Module) if not n.startswith("_")))
print([v.name for v in net.l1.variables], net.l1.submodules)
