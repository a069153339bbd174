// The shipped injection presets load, say they are starting points, and carry the paper's Wan
// settings; malformed presets fail with BadFormat naming the field.

#include "inference/injection_preset.h"

#include <QTest>

using namespace mbq;

namespace {

const std::string kMinimal = R"({
    "format": "mbq.preset.v1", "name": "n", "family": "wan2.1", "label": "l", "notes": "",
    "steps": 10,
    "injection": {"layers": [{"id": "block.1", "weight": 0.5, "head_weights": [1, 0]}],
                  "step_begin": 2, "step_end": 6, "mode": "blend", "extraction": "per_step",
                  "extraction_timestep": 0, "branches": "conditional"}
})";

std::string replaced(const std::string &from, const std::string &to)
{
    std::string text = kMinimal;
    text.replace(text.find(from), from.size(), to);
    return text;
}

} // namespace

class TestInjectionPreset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wanPaperPreset()
    {
        auto preset = loadInjectionPreset(MBQ_SOURCE_DIR "/resources/presets/wan21_paper.json");
        QVERIFY2(preset, preset ? "" : preset.error().message.c_str());
        QCOMPARE(preset->name, std::string("wan21_paper"));
        QCOMPARE(preset->family, std::string("wan2.1"));
        QVERIFY(preset->label.find("starting point") != std::string::npos);
        QCOMPARE(preset->steps, 50);
        const InjectionSchedule &s = preset->schedule;
        QCOMPARE(s.layers.size(), size_t(10));
        for (int n = 0; n < 30; ++n) {
            const std::string id = "block." + std::to_string(n);
            QCOMPARE(s.weightOf(id), n >= 20 ? 1.0f : 0.0f);
        }
        QCOMPARE(s.stepBegin, 0);
        QCOMPARE(s.stepEnd, 29);
        QCOMPARE(s.mode, InjectionMode::Replace);
        QCOMPARE(s.extraction, ExtractionMode::Single);
        QVERIFY(s.extractionTimestep > 0.0f && s.extractionTimestep <= 300.0f); // low noise
        QCOMPARE(s.branches, GuidanceBranches::Both);
        std::vector<std::string> wanLayers;
        for (int n = 0; n < 30; ++n)
            wanLayers.push_back("block." + std::to_string(n));
        QVERIFY(s.validate(50, wanLayers).ok());
    }

    void parsesEveryField()
    {
        auto preset = parseInjectionPreset(kMinimal, "mem");
        QVERIFY2(preset, preset ? "" : preset.error().message.c_str());
        const InjectionSchedule &s = preset->schedule;
        QCOMPARE(s.layers[0].headWeights, (std::vector<float>{1.0f, 0.0f}));
        QCOMPARE(s.weightOf("block.1"), 0.5f);
        QCOMPARE(s.stepBegin, 2);
        QCOMPARE(s.stepEnd, 6);
        QCOMPARE(s.mode, InjectionMode::Blend);
        QCOMPARE(s.extraction, ExtractionMode::PerStep);
        QCOMPARE(s.branches, GuidanceBranches::ConditionalOnly);
    }

    void rejectsMalformedPresets_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("not json") << "{" << "not a JSON object";
        QTest::newRow("format") << QString::fromStdString(replaced("mbq.preset.v1", "v9"))
                                << "unknown preset format";
        QTest::newRow("mode") << QString::fromStdString(replaced("\"blend\"", "\"mix\""))
                              << "\"mode\": unknown value 'mix'";
        QTest::newRow("missing") << QString::fromStdString(replaced("\"step_end\"", "\"x\""))
                                 << "missing \"step_end\"";
        QTest::newRow("type") << QString::fromStdString(replaced("\"steps\": 10",
                                                                 "\"steps\": \"a\""))
                              << "\"steps\" has the wrong type";
        QTest::newRow("range") << QString::fromStdString(replaced("\"step_end\": 6",
                                                                  "\"step_end\": 11"))
                               << "past the last step";
    }

    void rejectsMalformedPresets()
    {
        QFETCH(QString, text);
        QFETCH(QString, says);
        auto preset = parseInjectionPreset(text.toStdString(), "mem");
        QVERIFY(!preset);
        QCOMPARE(preset.error().code, ErrorCode::BadFormat);
        QVERIFY2(preset.error().message.find(says.toStdString()) != std::string::npos,
                 preset.error().message.c_str());
        QVERIFY(preset.error().message.rfind("mem: ", 0) == 0);
    }

    void missingFileIsNotFound()
    {
        auto preset = loadInjectionPreset("/nonexistent/preset.json");
        QVERIFY(!preset);
        QCOMPARE(preset.error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestInjectionPreset)
#include "tst_injection_preset.moc"
