// The build this test runs in: where the CUDA kernels are compiled, LibTorch's CUDA library is
// linked and loaded too, from the same CUDA major as the kernels' toolkit, and one CUDA runtime
// of that major is loaded (two runtimes in one process would not share streams or memory).
// `mbq --version` reports all of it.
#include "inference/engine.h"

#include <ATen/Context.h>
#include <torch/version.h>

#include <QtTest>

#include <filesystem>
#include <fstream>

#if defined(MBQ_HAVE_CUDA)
#include "kernels/cuda_info.h"
#endif

class TestBuildInfo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void libtorchIsTheProductsVersion()
    {
        QCOMPARE(TORCH_VERSION_MAJOR, 2);
        QCOMPARE(TORCH_VERSION_MINOR, 11);
        const QString info = QString::fromStdString(mbq::inferenceBuildInfo());
        QVERIFY2(info.startsWith(QStringLiteral("LibTorch 2.11.")), qPrintable(info));
    }

    void cudaKernelsComeWithLibTorchCuda()
    {
#if !defined(MBQ_HAVE_CUDA)
        QSKIP("configured without nvcc (MBQ_WITH_CUDA=OFF): no CUDA kernels to pair with");
#else
        QVERIFY2(at::globalContext().hasCUDART(),
                 "CUDA kernels are compiled but libtorch_cuda is not linked: the kernels could "
                 "never receive a CUDA tensor");
        const long torchCuda = at::globalContext().versionCUDART();
        const int kernelsCuda = mbq::kernels::cuda::compiledVersion();
        QCOMPARE(torchCuda / 1000, long(kernelsCuda / 1000));
        QCOMPARE(mbq::kernels::cuda::runtimeVersion() / 1000, kernelsCuda / 1000);
        const QString info = QString::fromStdString(mbq::inferenceBuildInfo());
        const QString major = QString::number(kernelsCuda / 1000) + QLatin1Char('.');
        QVERIFY2(info.contains(QStringLiteral("built with CUDA ") + major), qPrintable(info));
        QVERIFY2(info.contains(QStringLiteral("CUDA kernels: CUDA ") + major), qPrintable(info));
        // Hopper (the GPU box's H100/H200) is among the compiled generations.
        QVERIFY2(info.contains(QStringLiteral(" 9.0")), qPrintable(info));
#endif
    }

    void standardLibraryCallsReachTheStandardLibrary()
    {
        // LibTorch's wheel exports its own copy of std::filesystem; calls from our code must not
        // bind to it (its remove_all crashed mbq-bench). A tree with files and a subfolder:
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString() + "/tree";
        std::filesystem::create_directories(root / "a" / "b");
        std::ofstream(root / "a" / "file.txt") << "x";
        std::error_code error;
        QCOMPARE(std::filesystem::remove_all(root, error), std::uintmax_t(4));
        QVERIFY(!error);
        QVERIFY(!std::filesystem::exists(root));
    }

    void devicesAreListed()
    {
        const QString info = QString::fromStdString(mbq::inferenceBuildInfo());
        QVERIFY2(info.contains(QStringLiteral("Devices: CPU (")), qPrintable(info));
        // Without a driver the line says so instead of failing; with one, each device is named.
        if (at::hasCUDA())
            QVERIFY2(info.contains(QStringLiteral("0: ")), qPrintable(info));
        else
            QVERIFY2(info.contains(QRegularExpression(QStringLiteral("CUDA: no (driver|device)"))),
                     qPrintable(info));
    }
};

QTEST_GUILESS_MAIN(TestBuildInfo)
#include "tst_build_info.moc"
