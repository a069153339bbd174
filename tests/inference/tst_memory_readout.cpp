// The memory readout the studio shows: on the CPU it follows this process's resident memory, a
// render's peak is seen after the memory is freed, and a reset starts a new peak.
#include "inference/memory_readout.h"

#include <ATen/ATen.h>

#include <QtTest>

using namespace mbq;

class TestMemoryReadout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cpuReadoutFollowsAllocations()
    {
        constexpr int64_t kBlock = int64_t(256) << 20;
        resetMemoryPeak(-1);
        const MemoryReadout before = readMemory(-1);
        QVERIFY(!before.gpu);
        QVERIFY(before.inUse > 0);
        QVERIFY(before.capacity > before.inUse);
        QVERIFY(before.peak >= before.inUse);
        {
            // Filled, so every page is resident.
            const at::Tensor block = at::ones({kBlock / 4}, at::kFloat);
            const MemoryReadout holding = readMemory(-1);
            QVERIFY2(holding.inUse - before.inUse > kBlock * 9 / 10,
                     qPrintable(QString::number(holding.inUse - before.inUse)));
        }
        const MemoryReadout after = readMemory(-1);
        QVERIFY2(after.inUse - before.inUse < kBlock / 2, // the block went back to the system
                 qPrintable(QString::number(after.inUse - before.inUse)));
        QVERIFY(after.peak - before.inUse > kBlock * 9 / 10);

        resetMemoryPeak(-1);
        const MemoryReadout reset = readMemory(-1);
        QVERIFY2(reset.peak - reset.inUse < kBlock / 2,
                 qPrintable(QString("peak %1, in use %2").arg(reset.peak).arg(reset.inUse)));
    }
};

QTEST_GUILESS_MAIN(TestMemoryReadout)
#include "tst_memory_readout.moc"
