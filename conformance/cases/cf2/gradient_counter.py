# The iteration counter tf.gradients adds to a forward while loop: TF's names and frame.
x = tf.placeholder(tf.float32, [], name="x")
_, r = tf.while_loop(lambda i, v: i < 3, lambda i, v: (i + 1, v * x), (0, x))
graph = tf.get_default_graph()
start = len(graph.get_operations())
gx = tf.gradients(r, x)[0]
for op in graph.get_operations()[start:start + 11]:
    frame = op.get_attr("frame_name") if op.type == "Enter" else ""
    print(op.name, op.type, [t.name for t in op.inputs], frame)
print(tf.Session().run([r, gx], {x: 1.5}))
