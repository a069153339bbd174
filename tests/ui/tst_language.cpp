// The shipped translations are compiled in and used: the studio's menus and labels come out in
// German and Japanese, and unknown languages fall back to English.

#include "core/media/conform.h"
#include "core/project/project_document.h"
#include "core/render/render_pass.h"
#include "core/render/render_queue.h"
#include "ui/i18n/language.h"
#include "ui/mainwindow.h"
#include "ui/status/engine_text.h"
#include "ui/status/memory_label.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QtTest>

using namespace mbq;

class TestLanguage : public QObject
{
    Q_OBJECT

private:
    static QStringList menuTitles()
    {
        RenderQueue queue([] { return createFakeEngine(); });
        ProjectDocument document;
        MainWindow window(&document, &queue);
        QStringList titles;
        for (QAction *action : window.menuBar()->actions())
            titles << action->text();
        return titles;
    }

private slots:
    void cleanup()
    {
        QLocale::setDefault(QLocale::c());
        QVERIFY(installLanguage(qApp, QStringLiteral("en")));
    }

    void menusFollowTheLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("fileMenu");
        QTest::addColumn<QString>("helpMenu");
        QTest::newRow("English") << "en" << "&File" << "&Help";
        QTest::newRow("German") << "de" << "&Datei" << "&Hilfe";
        QTest::newRow("Japanese") << "ja" << QString::fromUtf8("ファイル(&F)")
                                  << QString::fromUtf8("ヘルプ(&H)");
    }

    void menusFollowTheLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QString, fileMenu);
        QFETCH(QString, helpMenu);
        QVERIFY(installLanguage(qApp, language));
        const QStringList titles = menuTitles();
        QCOMPARE(titles.first(), fileMenu);
        QCOMPARE(titles.last(), helpMenu);
    }

    void pluralsAreTranslated()
    {
        QVERIFY(installLanguage(qApp, QStringLiteral("de")));
        const QString one = QCoreApplication::translate("mbq::SweepDialog", "%n renders", nullptr, 1);
        const QString three = QCoreApplication::translate("mbq::SweepDialog", "%n renders", nullptr, 3);
        QVERIFY2(one.startsWith(QLatin1Char('1')) && three.startsWith(QLatin1Char('3')),
                 qPrintable(one + QLatin1Char('|') + three));
        // German has a singular and a plural form, and neither is the English source.
        QVERIFY(one.mid(1) != three.mid(1));
        QVERIFY(three != QStringLiteral("3 renders"));
    }

    // What the engine names in English comes out in the artist's language, and numbers in the
    // locale's format, also where the text is made in core/ with a C-locale arg().
    void engineNamesAndNumbersFollowTheLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("cpu");
        QTest::addColumn<QString>("layout");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<QString>("memory");
        QTest::addColumn<QString>("sourcePass");
        QTest::newRow("English") << "en" << QLocale(QLocale::English) << "CPU (2 threads)"
                                 << "official" << "24 of 40 frames from 0.50 s, 12.5 fps"
                                 << "RAM 0.5 / 25.3 GB" << "Source pass";
        QTest::newRow("German") << "de" << QLocale(QLocale::German) << "CPU (2 Threads)"
                                << "offiziell" << "24 von 40 Bildern ab 0,50 s, 12,5 fps"
                                << "RAM 0,5 / 25,3 GB" << "Quelldurchlauf";
        QTest::newRow("Japanese") << "ja" << QLocale(QLocale::Japanese)
                                  << QString::fromUtf8("CPU（2 スレッド）")
                                  << QString::fromUtf8("公式")
                                  << QString::fromUtf8("40 フレーム中 24 フレーム（0.50 s から）、"
                                                       "12.5 fps")
                                  << QString::fromUtf8("メモリ 0.5 / 25.3 GB")
                                  << QString::fromUtf8("ソースパス");
    }

    void engineNamesAndNumbersFollowTheLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QLocale, locale);
        QFETCH(QString, cpu);
        QFETCH(QString, layout);
        QFETCH(QString, summary);
        QFETCH(QString, memory);
        QFETCH(QString, sourcePass);
        QLocale::setDefault(locale);
        QVERIFY(installLanguage(qApp, language));

        QCOMPARE(deviceText(QStringLiteral("CPU (2 threads)")), cpu);
        QCOMPARE(deviceText(QStringLiteral("NVIDIA H100 80GB")), QStringLiteral("NVIDIA H100 80GB"));
        QCOMPARE(passName(RenderPass::SourcePass), sourcePass);
        QCOMPARE(layoutText(QStringLiteral("official")), layout);

        ConformPlan plan;
        plan.frames = 24;
        plan.sourceFrames = 40;
        plan.startSeconds = 0.5;
        plan.fps = plan.sourceFps = 12.5;
        plan.sourceWidth = plan.scaledWidth = plan.width = 64;
        plan.sourceHeight = plan.scaledHeight = plan.height = 48;
        QVERIFY2(plan.summary().startsWith(summary), qPrintable(plan.summary()));

        MemoryLabel label;
        label.showMemory({false, 500'000'000, 600'000'000, 25'300'000'000});
        QCOMPARE(label.text(), memory);
    }

    // The interface's language sets how numbers read, whatever the system's locale.
    void numbersFollowTheChosenLanguage()
    {
        QVERIFY(installLanguage(qApp, QStringLiteral("de")));
        QCOMPARE(QLocale().toString(0.5, 'f', 2), QStringLiteral("0,50"));
        QVERIFY(installLanguage(qApp, QStringLiteral("ja")));
        QCOMPARE(QLocale().toString(0.5, 'f', 2), QStringLiteral("0.50"));
        QVERIFY(installLanguage(qApp, QStringLiteral("en")));
        QCOMPARE(QLocale().toString(1234.5, 'f', 1), QLocale::system().language()
                         == QLocale::English ? QLocale::system().toString(1234.5, 'f', 1)
                                             : QStringLiteral("1,234.5"));
    }

    void unknownLanguageFallsBackToEnglish()
    {
        QVERIFY(installLanguage(qApp, QStringLiteral("de")));
        QVERIFY(!installLanguage(qApp, QStringLiteral("xx")));
        // The earlier German translator is gone: nothing half-switched remains.
        QCOMPARE(menuTitles().first(), QStringLiteral("&File"));
    }

    void everyShippedLanguageLoads()
    {
        for (const QString &language : availableLanguages())
            QVERIFY2(installLanguage(qApp, language), qPrintable(language));
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
