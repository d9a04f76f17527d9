# tf.print (StringFormat + PrintV2) and tf.Print: graph and printed text (via a file stream).
import os
import tempfile

graph = tf.get_default_graph()
path = os.path.join(tempfile.mkdtemp(), "printed.txt")
stream = "file://" + path
x = tf.placeholder(tf.float32, None, name="x")
i = tf.placeholder(tf.int32, None, name="i")
start = len(graph.get_operations())
p = tf.print("hello", x, [1, 2], {"a": i}, summarize=2, sep="|", end="!\n",
             output_stream=stream)
for op in graph.get_operations()[start:]:
    print(" ", op.name, op.type, [t.name for t in op.inputs])
    if op.type == "StringFormat":
        print(op.get_attr("template"), op.get_attr("placeholder"), op.get_attr("summarize"))
    if op.type == "PrintV2":
        print(repr(op.get_attr("end")))
print(p.name, p.type)
sess = tf.Session()
sess.run(p, {x: [[1., 2, 3], [4, 5, 6]], i: 7})
for value in [np.arange(30).reshape(2, 3, 5), np.arange(10), np.arange(12.).reshape(4, 3),
              np.arange(40).reshape(8, 5), np.float32(2.5), np.zeros((2, 0))]:
    sess.run(tf.print(tf.constant(value), output_stream=stream))
sess.run(tf.print(tf.constant(np.arange(12.).reshape(4, 3)), summarize=-1, output_stream=stream))
sess.run(tf.print(tf.constant([0.5, 1e-9, 1 / 3]), tf.constant(["a", "bc"]), tf.constant(True),
                  tf.constant([True, False]), output_stream=stream))
sess.run(tf.print(tf.constant("just a string"), output_stream=stream))
sess.run(tf.print("no tensors", 3, output_stream=stream))
sess.run(tf.print("{}", x, output_stream=stream, name="named"), {x: 1.5})
print([op.name for op in graph.get_operations() if op.name.startswith("named")])
with open(path) as f:
    print(f.read())
show_error(tf.print, x, output_stream="nowhere")
y = tf.Print(x, [x, tf.constant(np.arange(24).reshape(2, 3, 4)), "s"], message="M: ",
             summarize=4)
print(y, y.op.type)
