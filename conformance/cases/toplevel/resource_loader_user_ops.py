# tf.resource_loader (paths next to the calling script) and tf.user_ops.my_fact.
import os

here = tf.resource_loader.get_data_files_path()
print(os.path.isdir(here), tf.resource_loader.get_path_to_datafile("x.txt") ==
      os.path.join(here, "x.txt"))
print(tf.resource_loader.readahead_file_path("/tmp/a"),
      os.path.isdir(tf.resource_loader.get_root_dir_with_all_resources()))
show_error_contains(lambda: tf.resource_loader.load_resource("nonexistent/file.txt"),
                    "nonexistent/file.txt")
f = tf.user_ops.my_fact()
print(f.op.type, f.op.name, f.dtype, f.shape, tf.Session().run(f))
