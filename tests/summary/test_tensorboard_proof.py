"""Proof with the real reader: a TF1 training script under tfcompat logs scalars, histograms,
images, audio, text and its graph; TensorBoard's own EventAccumulator must read every tag, step
and value back."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image
from tensorboard.backend.event_processing import event_accumulator as ea

import tfcompat as tf

STEPS = 5


@pytest.fixture
def logdir(tmp_path):
    """Seed example 6 with TensorBoard logging: w2 -= 0.1 * 6 per step, gradient of w1 is None."""
    w1 = tf.Variable(2.0, name="w1")
    w2 = tf.Variable(2.0, name="w2")
    a = tf.multiply(w1, 3.0)
    b = tf.multiply(tf.stop_gradient(a), w2)
    opt = tf.train.GradientDescentOptimizer(0.1)
    gradients = tf.gradients(b, xs=tf.trainable_variables())
    for grad, var in zip(gradients, tf.trainable_variables()):
        if grad is not None:
            tf.summary.histogram(grad.name, grad)
        tf.summary.histogram(var.name, var)
    tf.summary.scalar("b", b)
    with tf.name_scope("inputs"):
        tf.summary.image("pixels", tf.reshape(tf.multiply(w2, [0.0, 0.5, 1.0, 0.25]), [1, 2, 2, 1]),
                         max_outputs=1)
        tf.summary.audio("tone", tf.reshape(tf.multiply(w2, [0.0, 0.1, -0.1, 0.2]), [1, 4]), 8000,
                         max_outputs=1)
    tf.summary.text("notes", tf.constant("step summary"))
    train_op = opt.apply_gradients(zip(gradients, tf.trainable_variables()))
    merged = tf.summary.merge_all()
    writer = tf.summary.FileWriter(str(tmp_path), tf.get_default_graph())
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(STEPS):
            writer.add_summary(sess.run(merged), step)
            sess.run(train_op)
    writer.close()
    return str(tmp_path)


def _accumulator(logdir):
    acc = ea.EventAccumulator(logdir, size_guidance={
        ea.SCALARS: 0, ea.HISTOGRAMS: 0, ea.IMAGES: 0, ea.AUDIO: 0, ea.TENSORS: 0})
    acc.Reload()
    return acc


def test_tensorboard_reads_every_tag_step_and_value(logdir):
    acc = _accumulator(logdir)
    tags = acc.Tags()
    assert tags["scalars"] == ["b"]
    assert sorted(tags["histograms"]) == ["gradients/Mul_1_grad/Mul_1_0", "w1_0", "w2_0"]
    assert tags["images"] == ["inputs/pixels/image"]
    assert tags["audio"] == ["inputs/tone/audio"]
    assert tags["tensors"] == ["notes"]
    assert tags["graph"] and tags["meta_graph"]
    w2 = [np.float32(2.0)]
    for _ in range(STEPS - 1):
        w2.append(np.float32(w2[-1] - np.float32(0.1) * np.float32(6.0)))
    scalars = acc.Scalars("b")
    assert [s.step for s in scalars] == list(range(STEPS))
    assert [s.value for s in scalars] == [float(np.float32(6.0) * v) for v in w2]
    for step, event in enumerate(acc.Histograms("w2_0")):
        h = event.histogram_value
        assert (event.step, h.num, h.min, h.max, h.sum) == (step, 1, w2[step], w2[step], w2[step])
    for event in acc.Histograms("w1_0"):
        assert event.histogram_value.min == 2.0
    for event in acc.Histograms("gradients/Mul_1_grad/Mul_1_0"):
        assert event.histogram_value.sum == 6.0
    images = acc.Images("inputs/pixels/image")
    assert [(e.step, e.width, e.height) for e in images] == [(s, 2, 2) for s in range(STEPS)]
    first = np.asarray(Image.open(io.BytesIO(images[0].encoded_image_string)))
    np.testing.assert_array_equal(first, [[0, 127], [255, 63]])  # [0, 1, 2, .5] * 255/2
    for event in acc.Audio("inputs/tone/audio"):
        assert (event.sample_rate, event.length_frames, event.content_type) == (
            8000, 4, "audio/wav")
    (text,) = {e.tensor_proto.string_val[0] for e in acc.Tensors("notes")}
    assert text == b"step summary"
    names = {node.name for node in acc.Graph().node}
    assert {"w1", "w2", "Mul", "Mul_1", "b", "Merge/MergeSummary"} <= names


def test_digest_of_the_run(logdir, capsys):
    from tfcompat.summary.digest import main

    assert main([logdir, "--ascii"]) == 0
    out = capsys.readouterr().out
    assert f"run .: 1 file(s), {3 + STEPS} events" in out
    assert "  graph: " in out
    line = next(line for line in out.splitlines() if line.strip().startswith("b "))
    assert f"{STEPS} pts  steps 0..{STEPS - 1}" in line and "last -2.4 " in line
    assert "w2_0" in out and "inputs/pixels/image" in out and "'step summary'" in out
