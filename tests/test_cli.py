"""The package CLI's summary subcommand and symbol listing (drop-in commands are tested in
tests/dropin)."""

import subprocess
import sys

import tfcompat as tf


def test_summary_subcommand_prints_a_digest(tmp_path):
    x = tf.Variable(3.0, name="x")
    loss = tf.square(x - 1.0)
    tf.summary.scalar("loss", loss)
    merged = tf.summary.merge_all()
    train = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
    with tf.Session() as sess, tf.summary.FileWriter(str(tmp_path), sess.graph) as writer:
        sess.run(x.initializer)
        for step in range(5):
            _, summary = sess.run([train, merged])
            writer.add_summary(summary, step)
    out = subprocess.run([sys.executable, "-m", "tfcompat", "summary", str(tmp_path)],
                         capture_output=True, text=True, check=True).stdout
    assert "loss" in out and "5 pts" in out and "steps 0..4" in out
    # x - 1 shrinks by 1 - 2 * 0.1 per step; each summary sees the loss before its update.
    assert f"last {((3.0 - 1.0) * 0.8 ** 4) ** 2:.6g}" in out


def test_symbols_listing_survives_a_closed_pipe():
    proc = subprocess.Popen([sys.executable, "-m", "tfcompat", "symbols"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()
    assert proc.wait(timeout=60) == 0
    assert b"Traceback" not in proc.stderr.read()
