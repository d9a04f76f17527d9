"""Op specs of the image ops (tfcompat/ops/image)."""

import colorsys

import numpy as np

import tfcompat as tf
from tests.ops.image.references import nearest_reference
from tests.ops.op_specs import OpSpec


def _colorsys(fn):
    return lambda x: np.array([fn(*p) for p in x.reshape(-1, 3)]).reshape(x.shape)


SPECS = [
    OpSpec("ResizeNearestNeighbor", lambda x: tf.image.resize_nearest_neighbor(x, [5, 3]),
           lambda x: nearest_reference(x, (5, 3)), kind="custom", grad_order=1,
           shapes=(((2, 4, 6, 3),), ((1, 3, 3, 1),), ((1, 1, 1, 2),), ((0, 2, 3, 1),))),
    OpSpec("RGBToHSV", tf.image.rgb_to_hsv, _colorsys(colorsys.rgb_to_hsv), kind="custom",
           low=0.05, high=0.95, grad_order=1, shapes=(((4, 3),), ((2, 2, 3),), ((3,),), ((0, 3),))),
    OpSpec("HSVToRGB", tf.image.hsv_to_rgb, _colorsys(colorsys.hsv_to_rgb), kind="custom",
           low=0.05, high=0.95, grad_order=0, shapes=(((4, 3),), ((2, 2, 3),), ((3,),), ((0, 3),))),
]

_RESIZE_TESTS = "tests/ops/image/test_resize_ops.py"
COVERED_ELSEWHERE = {
    # Float32 output of any input dtype: float64 central differences need float64 outputs, so
    # the gradient is checked as the exact adjoint, and numerically in float32, there.
    "ResizeBilinear": _RESIZE_TESTS,
    "ResizeBilinearGrad": _RESIZE_TESTS,
    "ResizeNearestNeighborGrad": _RESIZE_TESTS,
    "ResizeBicubic": _RESIZE_TESTS,
    "ResizeBicubicGrad": _RESIZE_TESTS,
    "ResizeArea": _RESIZE_TESTS,
    "AdjustContrastv2": "tests/ops/image/test_adjust_ops.py",
    "AdjustHue": "tests/ops/image/test_hsv_ops.py",
    "ExtractGlimpse": "conformance/cases/image/glimpse.py",
    "CombinedNonMaxSuppression": "conformance/cases/image/combined_nms.py",
    "SampleDistortedBoundingBoxV2": "conformance/cases/image/distorted_box.py",
    "DrawBoundingBoxes": "tests/ops/image/test_boxes.py",
    "DrawBoundingBoxesV2": "tests/ops/image/test_boxes.py",
    **dict.fromkeys(["NonMaxSuppression", "NonMaxSuppressionV2", "NonMaxSuppressionV3",
                     "NonMaxSuppressionV4", "NonMaxSuppressionV5",
                     "NonMaxSuppressionWithOverlaps"], "tests/ops/image/test_nms_ops.py"),
    "CropAndResize": "tests/ops/image/test_crop_and_resize.py",
    "CropAndResizeGradImage": "tests/ops/image/test_crop_and_resize.py",
    "CropAndResizeGradBoxes": "tests/ops/image/test_crop_and_resize.py",
    "AdjustSaturation": "tests/ops/image/test_hsv_ops.py",
}
