# tf.compat.forward_compatible against TF 2.21's horizon, and the horizon override block.
for date in [(2020, 1, 1), (2025, 12, 1), (2026, 1, 1), (2026, 1, 15), (2026, 1, 16),
             (2026, 1, 17), (2026, 6, 1), (2030, 1, 1)]:
    print(date, tf.compat.forward_compatible(*date))
with tf.compat.forward_compatibility_horizon(2030, 1, 1):
    print("in", tf.compat.forward_compatible(2029, 12, 31),
          tf.compat.forward_compatible(2030, 1, 1), tf.compat.forward_compatible(2030, 1, 2))
print("after", tf.compat.forward_compatible(2029, 12, 31))
show_error(lambda: tf.compat.forward_compatibility_horizon(2030, 2, 30).__enter__())
