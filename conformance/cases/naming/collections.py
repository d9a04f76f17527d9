# Graph collections: add_to_collection, get_collection (scope filter), get_collection_ref.
a = tf.constant(1.0, name='a')
with tf.name_scope('s'):
    b = tf.constant(2.0, name='b')
tf.add_to_collection('mine', a)
tf.add_to_collection('mine', b)
tf.add_to_collections(['x', 'y'], a)
print(tf.get_collection('mine'))
print(tf.get_collection('mine', scope='s'))
print(tf.get_collection('nothing'), tf.get_collection('x'), tf.get_collection('y'))
ref = tf.get_collection_ref('mine')
ref.append(3)
print(tf.get_collection('mine')[-1], len(tf.get_collection('mine')))
g = tf.get_default_graph()
print(sorted(g.get_all_collection_keys()))
g.clear_collection('x')
print(tf.get_collection('x'), sorted(g.get_all_collection_keys()))
print(tf.GraphKeys.GLOBAL_VARIABLES, tf.GraphKeys.TRAINABLE_VARIABLES, tf.GraphKeys.SUMMARIES,
      tf.GraphKeys.GLOBAL_STEP, tf.GraphKeys.UPDATE_OPS, tf.GraphKeys.LOCAL_VARIABLES,
      tf.GraphKeys.TRAIN_OP, tf.GraphKeys.LOSSES)
v = tf.Variable(1.0, name='v')
print(tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES))
print(tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='v'))
