// The inspector edits the document: prompts merge typing into one undo step and say when the
// model's text encoder would cut them, sizes and frame counts snap to valid values with a
// visible note, the seed lock guards randomising, and a
// refresh from the document (undo) never pushes an edit back.

#include "core/project/project_document.h"
#include "inference/wan_tools.h"
#include "ui/inspector/inspector.h"
#include "ui/inspector/prompt_edit.h"

#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <limits>

using namespace mbq;

class TestInspector : public QObject
{
    Q_OBJECT

private slots:
    void typingAPromptIsOneUndoStep()
    {
        ProjectDocument document;
        Inspector inspector(&document);
        inspector.show();
        auto *prompt = inspector.findChild<PromptEdit *>(QStringLiteral("targetPromptEdit"));
        QVERIFY(prompt);
        prompt->setFocus();
        QTest::keyClicks(prompt, QStringLiteral("a fox"));
        QCOMPARE(document.data().parameters.targetPrompt(), QStringLiteral("a fox"));
        QCOMPARE(document.undoStack()->count(), 1);
        document.undoStack()->undo();
        QCOMPARE(document.data().parameters.targetPrompt(), QString());
        QCOMPARE(prompt->toPlainText(), QString()); // refreshed, and nothing pushed back
        QCOMPARE(document.undoStack()->index(), 0);
        QVERIFY(document.undoStack()->canRedo());
    }

    void anInvalidWidthSnapsWithANote()
    {
        ProjectDocument document;
        Inspector inspector(&document);
        auto *width = inspector.findChild<QSpinBox *>(QStringLiteral("width"));
        QVERIFY(width);
        width->setValue(830);
        QCOMPARE(document.data().parameters.settings.width, 832);
        QCOMPARE(width->value(), 832);
        QVERIFY2(inspector.noteText().contains(QStringLiteral("830"))
                         && inspector.noteText().contains(QStringLiteral("832")),
                 qPrintable(inspector.noteText()));
        QVERIFY(inspector.findChild<QLabel *>(QStringLiteral("snapNote"))->isVisibleTo(&inspector));
        width->setValue(823); // nearer to 816
        QCOMPARE(document.data().parameters.settings.width, 816);
    }

    void framesSnapToFourNPlusOne()
    {
        ProjectDocument document;
        Inspector inspector(&document);
        auto *frames = inspector.findChild<QSpinBox *>(QStringLiteral("frames"));
        frames->setValue(48);
        QCOMPARE(document.data().parameters.settings.frames, 49);
        QVERIFY(inspector.noteText().contains(QStringLiteral("49")));
        frames->setValue(45); // valid: no snapping, no note
        QCOMPARE(document.data().parameters.settings.frames, 45);
        QVERIFY(inspector.noteText().isEmpty());
        document.undoStack()->undo();
        QCOMPARE(frames->value(), 49);
    }

    void videoCrafter2SnapsToItsOwnRules()
    {
        ProjectDocument document;
        Inspector inspector(&document);
        auto *width = inspector.findChild<QSpinBox *>(QStringLiteral("width"));
        auto *frames = inspector.findChild<QSpinBox *>(QStringLiteral("frames"));
        document.setModelFamily(QStringLiteral("videocrafter2"));
        // The project's 480 high frame is not a multiple of 64: said at once, not at render.
        QVERIFY2(inspector.noteText().contains(QStringLiteral("480"))
                     && inspector.noteText().contains(QStringLiteral("448 or 512")),
                 qPrintable(inspector.noteText()));
        QCOMPARE(width->singleStep(), 64);
        QCOMPARE(frames->singleStep(), 1);

        width->setValue(500); // Wan would take 496
        QCOMPARE(document.data().parameters.settings.width, 512);
        QCOMPARE(width->value(), 512);
        QVERIFY2(inspector.noteText().contains(QStringLiteral("500"))
                     && inspector.noteText().contains(QStringLiteral("512"))
                     && inspector.noteText().contains(QStringLiteral("64")),
                 qPrintable(inspector.noteText()));
        frames->setValue(17);
        QCOMPARE(document.data().parameters.settings.frames, 17);
        QVERIFY(inspector.noteText().isEmpty());

        // Back to Wan: its rules again.
        document.setModelFamily(QStringLiteral("wan2.1"));
        QVERIFY(inspector.noteText().isEmpty()); // 512 and 17 suit Wan too
        width->setValue(500);
        QCOMPARE(document.data().parameters.settings.width, 496);
        QCOMPARE(width->singleStep(), 16);
    }

    void valuesTheFamilyRefusesStayNamed()
    {
        // A Wan2.1 project meets a VideoCrafter2 model: an edit elsewhere goes through, and the
        // 480 high frame, left as it is, is still named with the nearest sizes.
        ProjectDocument document;
        Inspector inspector(&document);
        document.setModelFamily(QStringLiteral("videocrafter2"));
        inspector.findChild<QSpinBox *>(QStringLiteral("steps"))->setValue(30);
        QCOMPARE(document.data().parameters.settings.steps, 30);
        QCOMPARE(document.data().parameters.settings.height, 480);
        QVERIFY2(inspector.noteText().contains(QStringLiteral("448 or 512")),
                 qPrintable(inspector.noteText()));

        // A project of that family opens with its rules and nothing to name.
        ProjectData vc2;
        vc2.modelFamily = QStringLiteral("videocrafter2");
        vc2.parameters.settings.width = 512;
        vc2.parameters.settings.height = 320;
        vc2.parameters.settings.frames = 16;
        vc2.parameters.shots = {Shot {QStringLiteral("a corgi surfs"), 16}};
        document.newProject(vc2);
        QCOMPARE(inspector.findChild<QSpinBox *>(QStringLiteral("width"))->singleStep(), 64);
        QVERIFY2(inspector.noteText().isEmpty(), qPrintable(inspector.noteText()));
    }

    void theSeedLockGuardsRandomise()
    {
        ProjectDocument document;
        Inspector inspector(&document);
        auto *lock = inspector.findChild<QToolButton *>(QStringLiteral("seedLock"));
        auto *randomise = inspector.findChild<QToolButton *>(QStringLiteral("randomiseSeed"));
        const uint64_t before = document.data().parameters.settings.seed;
        randomise->click();
        const uint64_t after = document.data().parameters.settings.seed;
        QVERIFY(after != before);
        QCOMPARE(inspector.findChild<QLineEdit *>(QStringLiteral("seed"))->text(),
                 QString::number(after));
        lock->click();
        QVERIFY(document.data().seedLocked);
        QVERIFY(!randomise->isEnabled());
        document.undoStack()->undo(); // unlock
        QVERIFY(randomise->isEnabled());
        document.undoStack()->undo(); // the old seed
        QCOMPARE(document.data().parameters.settings.seed, before);
    }

    void typingASeedCommitsOnEnter()
    {
        ProjectDocument document;
        Inspector inspector(&document);
        inspector.show();
        auto *seed = inspector.findChild<QLineEdit *>(QStringLiteral("seed"));
        seed->setFocus();
        seed->selectAll();
        QTest::keyClicks(seed, QStringLiteral("1234"));
        QTest::keyClick(seed, Qt::Key_Return);
        QCOMPARE(document.data().parameters.settings.seed, uint64_t(1234));

        // Every seed a project can hold can be typed, the largest included; one more cannot.
        seed->selectAll();
        QTest::keyClicks(seed, QStringLiteral("184467440737095516159"));
        QCOMPARE(seed->text(), QStringLiteral("18446744073709551615"));
        QTest::keyClick(seed, Qt::Key_Return);
        QCOMPARE(document.data().parameters.settings.seed, std::numeric_limits<uint64_t>::max());
        // Emptied, it is not a seed: nothing is committed.
        seed->selectAll();
        QTest::keyClick(seed, Qt::Key_Backspace);
        QTest::keyClick(seed, Qt::Key_Return);
        QCOMPARE(document.data().parameters.settings.seed, std::numeric_limits<uint64_t>::max());
    }

    void stepsEditIsUndoable()
    {
        ProjectDocument document;
        Inspector inspector(&document);
        auto *steps = inspector.findChild<QSpinBox *>(QStringLiteral("steps"));
        const int before = document.data().parameters.settings.steps;
        steps->setValue(before + 5);
        QCOMPARE(document.data().parameters.settings.steps, before + 5);
        document.undoStack()->undo();
        QCOMPARE(steps->value(), before);
    }

    // A prompt longer than the text encoder reads is cut there; the field says so (as the CLI
    // does), and the warning goes once the prompt fits again.
    void anOverlongPromptSaysTheRestIsCut()
    {
        QTemporaryDir dir;
        TinyModelOptions tiny;
        tiny.folder = dir.filePath(QStringLiteral("tiny-wan")).toStdString();
        auto made = makeTinyModel(tiny);
        QVERIFY2(made, made ? "" : made.error().message.c_str());
        ProjectDocument document;
        document.setModelFolder(QString::fromStdString(tiny.folder));
        document.setModelFamily(QStringLiteral("wan2.1"));
        document.setTargetPrompt(QStringLiteral("a red fox trots through deep snow"));
        Inspector inspector(&document);
        inspector.show();
        auto *target = inspector.findChild<QLabel *>(QStringLiteral("targetPromptWarning"));
        auto *negative = inspector.findChild<QLabel *>(QStringLiteral("negativePromptWarning"));
        QVERIFY(target && negative);

        QString essay;
        while (essay.size() < 5000)
            essay += QStringLiteral("a red fox trots through deep snow in a pine forest, ");
        document.setTargetPrompt(essay);
        QTRY_VERIFY_WITH_TIMEOUT(target->isVisibleTo(&inspector), 10000);
        const QString warning = inspector.promptWarning(PromptFitChecker::Target);
        QVERIFY2(warning.contains(QStringLiteral("longer than the 512 tokens"))
                         && warning.contains(QStringLiteral("the rest is cut")),
                 qPrintable(warning));
        QVERIFY(target->text().contains(warning));
        QVERIFY(!negative->isVisibleTo(&inspector)); // each prompt is checked on its own
        if (const QString shots = qEnvironmentVariable("MBQ_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(inspector.grab().save(shots + QStringLiteral("/inspector_long_prompt.png")));

        document.setTargetPrompt(QStringLiteral("a chrome wolf"));
        QTRY_VERIFY_WITH_TIMEOUT(!target->isVisibleTo(&inspector), 10000);
        QCOMPARE(inspector.promptWarning(PromptFitChecker::Target), QString());
        document.setNegativePrompt(essay);
        QTRY_VERIFY_WITH_TIMEOUT(negative->isVisibleTo(&inspector), 10000);
    }
};

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"
