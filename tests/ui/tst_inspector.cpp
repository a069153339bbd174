// The inspector edits the document: prompts merge typing into one undo step, sizes and frame
// counts snap to valid values with a visible note, the seed lock guards randomising, and a
// refresh from the document (undo) never pushes an edit back.

#include "core/project/project_document.h"
#include "ui/inspector/inspector.h"
#include "ui/inspector/prompt_edit.h"

#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QtTest>

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
};

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"
