# SignatureDefs: TensorInfo protos, predict/classify/regress signatures, validity, errors.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
sdu = tf.saved_model.signature_def_utils
x = tf.placeholder(tf.float32, [None, 3], name="x")
n = tf.placeholder(tf.int64, None, name="n")
words = tf.placeholder(tf.string, [None], name="words")
scores = tf.nn.softmax(x, name="scores")
labels = tf.constant(["a", "b", "c"], name="labels")
total = tf.reduce_sum(scores, name="total")

info = tf.saved_model.build_tensor_info(x)
print(info)
print(tf.saved_model.utils.build_tensor_info(n))
print(tf.saved_model.get_tensor_from_tensor_info(info))
print(tf.saved_model.utils.get_tensor_from_tensor_info(
    tf.saved_model.build_tensor_info(words), graph=tf.get_default_graph()))



def show(signature):
    """A SignatureDef key by key (TF's text format orders map entries by hash)."""
    print("method_name:", signature.method_name)
    for part in ("inputs", "outputs"):
        for key in sorted(getattr(signature, part)):
            print(part, key, getattr(signature, part)[key])


predict = sdu.predict_signature_def({"x": x, "n": n}, {"scores": scores})
show(predict)
classify = sdu.classification_signature_def(words, labels, scores)
show(classify)
print(sorted(sdu.classification_signature_def(words, None, scores).outputs.keys()))
print(sorted(sdu.classification_signature_def(words, labels, None).outputs.keys()))
regress = sdu.regression_signature_def(words, total)
show(regress)
built = sdu.build_signature_def({"in": info}, {"out": tf.saved_model.build_tensor_info(total)},
                                "custom/method")
show(built)
print(sdu.build_signature_def())

for signature in [predict, classify, regress, built, sdu.build_signature_def(),
                  sdu.build_signature_def({"inputs": info}, {"outputs": info},
                                          tf.saved_model.REGRESS_METHOD_NAME),
                  sdu.build_signature_def({"in": info}, {},
                                          tf.saved_model.PREDICT_METHOD_NAME),
                  sdu.build_signature_def({"inputs": tf.saved_model.build_tensor_info(words)},
                                          {"classes": tf.saved_model.build_tensor_info(words)},
                                          tf.saved_model.CLASSIFY_METHOD_NAME),
                  sdu.build_signature_def({"inputs": tf.saved_model.build_tensor_info(words)},
                                          {"other": info},
                                          tf.saved_model.CLASSIFY_METHOD_NAME)]:
    print(sdu.is_valid_signature(signature))

show_error(sdu.predict_signature_def, None, {"s": scores})
show_error(sdu.predict_signature_def, {}, {"s": scores})
show_error(sdu.predict_signature_def, {"x": x}, None)
show_error(sdu.predict_signature_def, {"x": x}, {})
show_error(sdu.regression_signature_def, None, total)
show_error(sdu.regression_signature_def, "words", total)
show_error(sdu.regression_signature_def, words, None)
show_error(sdu.regression_signature_def, words, "total")
show_error(sdu.regression_signature_def, x, total)
show_error(sdu.regression_signature_def, words, n)
show_error(sdu.classification_signature_def, None, labels, scores)
show_error(sdu.classification_signature_def, "words", labels, scores)
show_error(sdu.classification_signature_def, words, None, None)
show_error(sdu.classification_signature_def, x, labels, scores)
show_error(sdu.classification_signature_def, words, n, scores)
show_error(sdu.classification_signature_def, words, labels, n)

sparse = tf.sparse_placeholder(tf.float32, [None, 4], name="sp")
sparse_info = tf.saved_model.build_tensor_info(sparse)
print(sparse_info)
back = tf.saved_model.get_tensor_from_tensor_info(sparse_info)
print(type(back).__name__, back.indices.name, back.values.name, back.dense_shape.name)
print(sdu.is_valid_signature(sdu.predict_signature_def({"sp": sparse}, {"x": x})))
show_error(tf.saved_model.get_tensor_from_tensor_info, tf.saved_model.utils.build_tensor_info(x)
           .__class__())
