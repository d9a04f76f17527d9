# tf.make_template: variables shared after the first call, unique scopes, name scopes.


def full(fn):
    try:
        r = fn()
        print("noerr", type(r).__name__)
    except Exception as e:
        print(type(e).__name__, str(e).split("\n")[0][:300])


def scale(x, s=1.0):
    w = tf.get_variable("w", [], initializer=tf.constant_initializer(2.0))
    return tf.multiply(x * s, w, name="out")
t = tf.make_template("scale", scale, s=3.0)
print(t.name, t.variable_scope)
a = t(tf.constant(1.0))
b = t(tf.constant(2.0))
print(a, b, [v.name for v in tf.global_variables()])
print(t.variable_scope.name, [v.name for v in t.variables], [v.name for v in t.trainable_variables])
t2 = tf.make_template("scale", scale)
c = t2(tf.constant(1.0))
print(c, [v.name for v in tf.global_variables()])
with tf.variable_scope("outer"):
    t3 = tf.make_template("scale", scale, create_scope_now_=True)
d = t3(tf.constant(1.0))
e = t3(tf.constant(1.0))
print(d, e, [v.name for v in tf.global_variables()])


def noshare(x):
    v = tf.get_variable("v", [], initializer=tf.zeros_initializer())
    return x + v + tf.Variable(1.0, name="plain")
t4 = tf.make_template("ns", noshare)
t4(1.0)
full(lambda: t4(2.0))
full(lambda: tf.make_template("x", 3))


def twice(x):
    return tf.get_variable("q", [1]) + tf.get_variable("q", [1])
full(lambda: tf.make_template("tw", twice)(1.0))
t5 = tf.make_template("u", scale, unique_name_="custom")
print(t5(1.0), [v.name for v in tf.global_variables()][-1])
s = tf.Session()
s.run(tf.global_variables_initializer())
print(s.run([a, b, c, d, e]))
