# The gradient of a while loop as TF builds it: the forward counter (gradients/f_count...), the
# backward frame (b_count, b_exit, b_switch, Merge_grad/Switch, Enter_grad/Exit), the body's
# gradient ops with stacks (f_acc, StackPushV2, StackPopV2) and invariant accumulators (b_acc).
x = tf.placeholder(tf.float32, [], name="x")
_, r = tf.while_loop(lambda i, v: i < 3, lambda i, v: (i + 1, v * x), (0, x))
graph = tf.get_default_graph()
start = len(graph.get_operations())
gx = tf.gradients(r, x)[0]
for op in graph.get_operations()[start:]:
    # Left out: tfcompat's grad_ys Identity inside the loop (TF has none).
    if "grad_ys_0_1" in op.name:
        continue
    frame = op.get_attr("frame_name") if op.type == "Enter" else ""
    print(op.name, op.type, frame, sorted(c.name for c in op.control_inputs))
print(tf.Session().run([r, gx], {x: 1.5}))
