// mbq-studio: wires the engine, the render queue, the project and the main window together.
#include "core/project/project_document.h"
#include "core/render/render_queue.h"
#include "inference/engine.h"
#include "ui/dialogs/preferences_dialog.h"
#include "ui/i18n/language.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Motion by Queries Studio"));
    QApplication::setOrganizationName(QStringLiteral("mbq"));
    QApplication::setApplicationVersion(QStringLiteral(MBQ_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Zero-shot motion transfer editor"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "Project file to open "
                                                                 "(default: the demo project)"),
                                 QStringLiteral("[project.mbqproj]"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QApplication::translate("main", "Save a PNG of the main window "
                                                                  "once shown, then quit."),
                                  QStringLiteral("file.png"));
    parser.addOption(screenshot);
    QCommandLineOption language(QStringLiteral("language"),
                                QApplication::translate("main", "User interface language: %1 "
                                                                "(default: the system's)")
                                    .arg(mbq::availableLanguages().join(QLatin1String(", "))),
                                QStringLiteral("code"));
    parser.addOption(language);
    parser.process(app);
    // The command line wins over the language chosen in Preferences.
    const QString chosen = parser.isSet(language)
            ? parser.value(language)
            : QSettings().value(mbq::PreferencesDialog::settingsKey()).toString();
    if (!mbq::installLanguage(&app, chosen) && !chosen.isEmpty())
        std::fprintf(stderr, "mbq-studio: no translation for '%s'; using English\n",
                     qPrintable(chosen));

    mbq::RenderQueue queue([] { return mbq::createTorchEngine(); });
    mbq::ProjectDocument document;
    mbq::MainWindow window(&document, &queue);
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        window.openDemoProject();
    else
        window.openProject(positional.first());
    window.show();

    if (parser.isSet(screenshot)) {
        const QString path = parser.value(screenshot);
        // Let the first layout and paint settle before grabbing.
        QTimer::singleShot(500, &window, [&window, path] {
            const bool saved = window.grab().save(path);
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
