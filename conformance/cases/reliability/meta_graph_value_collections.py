# export_meta_graph / import_meta_graph round-trip collections of bytes, str (back as bytes),
# int and float values beside the variable collections.
tf.add_to_collection('bytes_c', b'abc')
tf.add_to_collection('bytes_c', b'de')
tf.add_to_collection('str_c', 'hello')
tf.add_to_collection('int_c', 3)
tf.add_to_collection('int_c', 7)
tf.add_to_collection('float_c', 1.5)
v = tf.Variable(1.0, name='v')
meta = tf.train.export_meta_graph()
print(sorted(meta.collection_def.keys()))
tf.reset_default_graph()
tf.train.import_meta_graph(meta)
for key in ['bytes_c', 'str_c', 'int_c', 'float_c']:
    print(key, tf.get_collection(key))
print([x.name for x in tf.global_variables()], [x.name for x in tf.trainable_variables()])
print(sorted(tf.get_default_graph().get_all_collection_keys()))
