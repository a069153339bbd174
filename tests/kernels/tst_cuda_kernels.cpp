// The CUDA kernels against their CPU references on fresh random inputs: q_swap, q_swap from
// fp8, the fp8 codec and the fused Wan Q path, each in every dtype the kernel takes, with the
// allocator's free memory poisoned with NaN first so an output the kernel fails to write shows.
// Without a CUDA device (or a LibTorch without CUDA) the executable exits with ctest's skip
// code, so the suite reports it as skipped, not passed.
#include "kernels/qbank_codec.h"
#include "kernels/qswap.h"
#include "kernels/qswap_fp8.h"
#include "kernels/wan_q_path.h"

#include <QtTest>

#include <cstdio>
#include <string>

using mbq::kernels::QSwapMode;
using mbq::kernels::QSwapParams;

namespace {

constexpr int64_t kHeads = 12, kHeadDim = 128, kChannels = kHeads * kHeadDim, kTokens = 1560;

const at::Device kCuda(at::kCUDA);

// Fill, then free, a block larger than any output here: the caching allocator hands it out
// again, so unwritten elements read NaN.
void poisonAllocator()
{
    at::full({4, kTokens, kChannels}, NAN, at::TensorOptions().device(kCuda));
}

QSwapParams swapParams(QSwapMode mode, at::Device device)
{
    QSwapParams p;
    p.mode = mode;
    p.weight = 0.7f;
    p.heads = kHeads;
    p.headWeights = at::rand({kHeads}).to(device);
    p.tokenMask = at::rand({kTokens}).gt(0.3).to(device);
    return p;
}

QSwapParams onCpu(const QSwapParams &p)
{
    QSwapParams cpu = p;
    cpu.headWeights = p.headWeights.cpu();
    cpu.tokenMask = p.tokenMask.cpu();
    return cpu;
}

} // namespace

class TestCudaKernels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { at::manual_seed(23); }

    void qSwapMatchesReference_data()
    {
        QTest::addColumn<int>("dtype");
        QTest::addColumn<int>("mode");
        for (auto dtype : {at::kFloat, at::kHalf, at::kBFloat16})
            for (auto mode : {QSwapMode::Replace, QSwapMode::Blend})
                QTest::newRow((std::string(c10::toString(dtype))
                               + (mode == QSwapMode::Blend ? " blend" : " replace"))
                                  .c_str())
                    << int(dtype) << int(mode);
    }

    void qSwapMatchesReference()
    {
        QFETCH(int, dtype);
        QFETCH(int, mode);
        const auto type = at::ScalarType(dtype);
        const QSwapParams p = swapParams(QSwapMode(mode), kCuda);
        const at::Tensor before = at::randn({2, kTokens, kChannels}).to(type);
        const at::Tensor source = at::randn({1, kTokens, kChannels}).to(type);

        at::Tensor expected = before.clone();
        mbq::kernels::qSwapReference_(expected, source, onCpu(p));
        at::Tensor target = before.to(kCuda);
        mbq::kernels::qSwap_(target, source.to(kCuda), p);
        // Both compute in float32 and round once.
        QVERIFY(at::equal(target.cpu(), expected));
    }

    void qSwapFp8MatchesReference_data() { qSwapMatchesReference_data(); }

    void qSwapFp8MatchesReference()
    {
        QFETCH(int, dtype);
        QFETCH(int, mode);
        const auto type = at::ScalarType(dtype);
        const QSwapParams p = swapParams(QSwapMode(mode), kCuda);
        const at::Tensor before = at::randn({2, kTokens, kChannels}).to(type);
        const auto source = mbq::kernels::encodeFp8Queries(
            (at::randn({2, kTokens, kChannels}) * 4.0).to(type), kHeads);

        at::Tensor expected = before.clone();
        mbq::kernels::qSwapFp8Reference_(expected, source, onCpu(p));
        auto onDevice = source;
        onDevice.codes = source.codes.to(kCuda);
        onDevice.scales = source.scales.to(kCuda);
        at::Tensor target = before.to(kCuda);
        mbq::kernels::qSwapFp8_(target, onDevice, p);
        QVERIFY(at::equal(target.cpu(), expected));
    }

    void fp8CodecMatchesReference()
    {
        const at::Tensor q = at::randn({2, kTokens, kChannels}) * 3.0;
        const auto cpu = mbq::kernels::encodeFp8Queries(q, kHeads);
        poisonAllocator();
        const auto gpu = mbq::kernels::encodeFp8Queries(q.to(kCuda), kHeads);
        QVERIFY(at::equal(gpu.codes.cpu(), cpu.codes));
        QVERIFY(at::equal(gpu.scales.cpu(), cpu.scales));
        poisonAllocator();
        QVERIFY(at::equal(mbq::kernels::decodeFp8Queries(gpu).cpu(),
                          mbq::kernels::decodeFp8Queries(cpu)));
    }

    void wanNormRopeMatchesReference_data()
    {
        QTest::addColumn<int>("dtype");
        QTest::addColumn<bool>("swap");
        for (auto dtype : {at::kFloat, at::kHalf, at::kBFloat16}) {
            QTest::newRow(c10::toString(dtype)) << int(dtype) << false;
            QTest::newRow((std::string(c10::toString(dtype)) + " with blend").c_str())
                << int(dtype) << true;
        }
    }

    void wanNormRopeMatchesReference()
    {
        QFETCH(int, dtype);
        QFETCH(bool, swap);
        mbq::kernels::WanNormRopeParams p;
        p.heads = kHeads;
        p.normWeight = at::rand({kChannels}) + 0.5;
        const at::Tensor angles = at::rand({kTokens, kHeadDim / 2}, at::kDouble) * 6.3;
        p.cos = angles.cos();
        p.sin = angles.sin();
        const at::Tensor proj
            = (at::randn({2, kTokens, kChannels}) * 2.0).to(at::ScalarType(dtype));
        const at::Tensor source = at::randn({1, kTokens, kChannels});
        const QSwapParams blend = swapParams(QSwapMode::Blend, kCuda);

        const QSwapParams cpuBlend = onCpu(blend);
        const at::Tensor expected
            = mbq::kernels::wanNormRopeReference(proj, p, source, swap ? &cpuBlend : nullptr);
        auto gpuParams = p;
        gpuParams.normWeight = p.normWeight.to(kCuda);
        gpuParams.cos = p.cos.to(kCuda);
        gpuParams.sin = p.sin.to(kCuda);
        poisonAllocator();
        const at::Tensor q = mbq::kernels::wanNormRope(proj.to(kCuda), gpuParams, source.to(kCuda),
                                                       swap ? &blend : nullptr);
        // The row's sum of squares runs in another order than ATen's mean, so a value may
        // round to the neighbouring half/bfloat16 before the weight (one step of a value
        // below 8 is 2^-5 in bfloat16, times a weight below 1.5, in both halves of a pair).
        const double diff
            = (q.cpu().to(at::kDouble) - expected.to(at::kDouble)).abs().max().item<double>();
        const double step = dtype == int(at::kFloat) ? 1e-5 : dtype == int(at::kHalf) ? 2e-2 : 0.1;
        QVERIFY2(diff <= step, std::to_string(diff).c_str()); // NaN fails too
    }
};

int main(int argc, char **argv)
{
    if (!at::hasCUDA() || !mbq::kernels::cudaKernelsAvailable()) {
        std::printf("SKIP: no CUDA device, or this build has no CUDA kernels\n");
        return 77; // ctest's SKIP_RETURN_CODE for this test
    }
    TestCudaKernels test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_cuda_kernels.moc"
