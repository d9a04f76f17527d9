# Python scalars in arithmetic become Consts named after the op's scope (x for left, y for right).
a = tf.constant(1.0, name='a')
def show(t):
    print(t.name, t.op.type, [i.name for i in t.op.inputs])
for t in [2 * a, a * 2, 2 + a, a + 2, 2 - a, a - 2, 2 / a, a / 2, 2 ** a, a ** 2, 2 // a,
          2 % a, a > 1, 1 < a]:
    show(t)
print([op.name for op in tf.get_default_graph().get_operations()][:8])
