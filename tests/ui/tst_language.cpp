// The shipped translations are compiled in and used: the studio's menus and labels come out in
// German and Japanese, and unknown languages fall back to English.

#include "core/project/project_document.h"
#include "core/render/render_queue.h"
#include "ui/i18n/language.h"
#include "ui/mainwindow.h"

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
    void cleanup() { QVERIFY(installLanguage(qApp, QStringLiteral("en"))); }

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
