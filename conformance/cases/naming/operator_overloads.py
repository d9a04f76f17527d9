# Op names and types created by Python operators on tensors.
a = tf.constant(3.0, name='a')
b = tf.constant(2.0, name='b')
def show(t):
    print(t.name, t.op.type, [i.name for i in t.op.inputs])
for t in [a + b, a - b, a * b, a / b, a // b, a % b, a ** b, -a, abs(a), a > b, a >= b, a < b,
          a <= b, a + b, a * b]:
    show(t)
p = tf.constant(True, name='p')
q = tf.constant(False, name='q')
for t in [p & q, p | q, p ^ q, ~p]:
    show(t)
m = tf.constant([[1.0, 2.0]], name='m')
show(m @ tf.transpose(m))
i = tf.constant(7, name='i')
show(i / 2)
show(i // 2)
