# tf.errors.raise_exception_on_not_ok_status: an OK status block exits quietly.
with tf.errors.raise_exception_on_not_ok_status() as status:
    pass
print("ok block done", isinstance(tf.errors.raise_exception_on_not_ok_status, type))
print(tf.io.decode_webp is tf.image.decode_webp)
