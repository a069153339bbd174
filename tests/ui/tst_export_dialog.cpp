// The Export dialog as the artist meets it: every label names its field (so its mnemonic works
// and no '&' shows), and the output path is wide enough to read.

#include "ui/dialogs/export_dialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QtTest>

using namespace mbq;

class TestExportDialog : public QObject
{
    Q_OBJECT

private slots:
    void everyLabelHasItsField()
    {
        QTemporaryDir dir;
        Take take;
        take.id = QStringLiteral("take-3");
        take.label = QStringLiteral("take 3");
        take.videoPath = dir.filePath(QStringLiteral("project.takes/take-3.mp4"));
        take.baselinePath = dir.filePath(QStringLiteral("project.takes/take-3.baseline.mp4"));
        ExportDialog dialog(take, QString());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));

        // A label with a mnemonic but no buddy shows its '&' as text and moves focus nowhere;
        // two labels with one mnemonic make the key cycle between them.
        QStringList mnemonics;
        for (QLabel *label : dialog.findChildren<QLabel *>()) {
            const QKeySequence key = QKeySequence::mnemonic(label->text());
            if (key.isEmpty())
                continue;
            QVERIFY2(label->buddy(), qPrintable(label->text()));
            const QString text = key.toString(QKeySequence::PortableText);
            QVERIFY2(!mnemonics.contains(text), qPrintable(text));
            mnemonics << text;
        }
        auto *path = dialog.findChild<QLineEdit *>(QStringLiteral("exportPath"));
        QVERIFY(path);
        QVERIFY(!path->hasFocus());
        QTest::keyClick(&dialog, Qt::Key_L, Qt::AltModifier);
        QTRY_VERIFY(path->hasFocus());

        // The whole path reads without scrolling the field.
        QVERIFY(path->text().endsWith(QStringLiteral("take-3-export.mp4")));
        QVERIFY2(path->width() >= path->fontMetrics().horizontalAdvance(path->text()),
                 qPrintable(QStringLiteral("%1 px for %2 px of text")
                                .arg(path->width())
                                .arg(path->fontMetrics().horizontalAdvance(path->text()))));
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_export_dialog.moc"
