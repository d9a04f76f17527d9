# FileWriter: file naming, header record, event fields, metadata stripping, closed-writer warning.
# ruff: noqa: F821 - the runner injects tf, np, show_error and show_error_contains
import os
import re
import shutil
import socket
import tempfile
import warnings

logdir = tempfile.mkdtemp()
w = tf.summary.FileWriter(logdir)
print(w.get_logdir() == logdir, os.listdir(logdir))
s = tf.Summary(value=[tf.Summary.Value(tag='acc', simple_value=0.9)])
w.add_summary(s, 3)
w.add_summary(s.SerializeToString(), global_step=np.int64(4))
w.add_summary(s)
meta = tf.SummaryMetadata(display_name='shown')
meta.plugin_data.plugin_name = 'scalars'
w.add_summary(tf.Summary(value=[tf.Summary.Value(tag='m', simple_value=1.0, metadata=meta)]), 5)
w.add_summary(tf.Summary(value=[tf.Summary.Value(tag='m', simple_value=2.0, metadata=meta)]), 6)
w.add_session_log(tf.SessionLog(status=tf.SessionLog.START), 7)
w.add_event(tf.Event(wall_time=1.0, step=9, file_version='custom'))
w.add_run_metadata(tf.RunMetadata(), 'step1', 8)
show_error(w.add_run_metadata, tf.RunMetadata(), 'step1')
show_error_contains(lambda: w.add_meta_graph(tf.GraphDef()),
                    'meta_graph_def must be type MetaGraphDef, saw type: <class ')
w.flush()
files = os.listdir(logdir)
pattern = r'events\.out\.tfevents\.(\d{10})\.' + re.escape(socket.gethostname())
match = re.fullmatch(pattern, files[0])
print(len(files), bool(match))
for i, e in enumerate(tf.train.summary_iterator(os.path.join(logdir, files[0]))):
    if i == 0:
        print('header wall_time is the file-name second:', e.wall_time == float(match.group(1)))
    if e.wall_time != 1.0:
        e.wall_time = 0.0
    print(e.WhichOneof('what'), e.step, e.SerializeToString())
w.close()
w.close()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    w.add_summary(s, 10)
    w.add_session_log(tf.SessionLog(status=tf.SessionLog.STOP), 10)
print([str(c.message) for c in caught])
print(sum(1 for _ in tf.train.summary_iterator(os.path.join(logdir, files[0]))))
shutil.rmtree(logdir)

suffixed = tempfile.mkdtemp()
w2 = tf.summary.FileWriter(suffixed, filename_suffix='.v2')
names = os.listdir(suffixed)
print(len(names), names[0].endswith('.' + socket.gethostname() + '.v2'))
w2.close()
print([e.file_version for e in tf.train.summary_iterator(os.path.join(suffixed, names[0]))])
shutil.rmtree(suffixed)

ctx = tempfile.mkdtemp()
with tf.summary.FileWriter(ctx) as w3:
    w3.add_summary(s, 1)
print([e.step for e in tf.train.summary_iterator(os.path.join(ctx, os.listdir(ctx)[0]))])
shutil.rmtree(ctx)

cached = tempfile.mkdtemp()
c1 = tf.summary.FileWriterCache.get(cached)
print(c1 is tf.summary.FileWriterCache.get(cached), type(c1).__name__)
tf.summary.FileWriterCache.clear()
print(c1 is tf.summary.FileWriterCache.get(cached))
tf.summary.FileWriterCache.clear()
shutil.rmtree(cached)
