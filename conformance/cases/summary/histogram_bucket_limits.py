# One value at every default bucket limit and between each pair: every edge and count.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
def limits():
    pos = []
    x = 1e-12
    while x < 1e20:
        pos.append(x)
        x *= 1.1
    pos.append(1.7976931348623157e308)
    return [-v for v in reversed(pos)] + [0.0] + pos
edges = np.array(limits())
mids = (edges[:-1] / 2 + edges[1:] / 2)
values = np.concatenate([edges[:-1], mids, mids[::7]])
h = tf.summary.histogram('all', tf.constant(values))
with tf.Session() as sess:
    out = sess.run(h)
s = tf.Summary.FromString(out)
histo = s.value[0].histo
print(len(edges), len(histo.bucket_limit), list(histo.bucket_limit) == list(edges))
print(histo.min, histo.max, histo.num, histo.sum, histo.sum_squares)
print(sum(histo.bucket), list(histo.bucket[:10]), list(histo.bucket[-10:]))
print(out == s.SerializeToString(), len(out), hash(out) if False else sum(out) % 1000003)
