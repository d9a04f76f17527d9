"""A TF1 unit-test module, as TF1 projects wrote them: tf.test.TestCase and tf.test.main()."""
import os

import numpy as np
import tensorflow as tf


class MathOpsTest(tf.test.TestCase):

    def testAddWithCachedSession(self):
        with self.cached_session():
            x = tf.constant([1.0, 2.0])
            self.assertAllClose((x + 1.0).eval(), [2.0, 3.0])

    def testEvaluate(self):
        self.assertAllEqual(self.evaluate(tf.constant([1, 2]) * 2), [2, 4])

    def testVariableInSession(self):
        v = tf.Variable(3.0)
        with self.session() as sess:
            sess.run(v.initializer)
            self.assertNear(sess.run(v), 3.0, 1e-6)

    def testGradient(self):
        x = tf.placeholder(tf.float32)
        grad = tf.gradients(x * x, x)[0]
        with self.session() as sess:
            self.assertAllClose(sess.run(grad, {x: 3.0}), 6.0)

    def testShapes(self):
        self.assertShapeEqual(np.zeros((2, 3)), tf.zeros([2, 3]))

    def testOpError(self):
        p = tf.placeholder(tf.float32, name="p")
        with self.session() as sess:
            with self.assertRaisesOpError("You must feed a value for placeholder tensor 'p'"):
                sess.run(p)

    def testFreshSeededGraph(self):
        self.assertEqual(tf.get_default_graph().get_operations(), [])
        self.assertEqual(tf.get_default_graph().seed, 87654321)
        tf.constant(1.0)

    def testTempDir(self):
        path = os.path.join(self.get_temp_dir(), "x")
        tf.gfile.MakeDirs(path)
        self.assertTrue(tf.gfile.IsDirectory(path))


if __name__ == "__main__":
    tf.test.main()
