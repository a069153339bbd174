// mbq-studio: wires the engine, the render queue, the project and the main window together.
#include "core/project/project_document.h"
#include "core/render/render_queue.h"
#include "core/render/take_runner.h"
#include "inference/engine.h"
#include "ui/dialogs/preferences_dialog.h"
#include "ui/i18n/language.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>

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
    QCommandLineOption run(QStringLiteral("run"),
                           QApplication::translate("main", "Once the project is open, start a "
                                                           "render or a sweep (render|sweep); "
                                                           "with --screenshot the picture is "
                                                           "taken after the render, or after "
                                                           "the sweep's first cell."),
                           QStringLiteral("what"));
    parser.addOption(run);
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

    const QString what = parser.value(run);
    if (!what.isEmpty() && what != QLatin1String("render") && what != QLatin1String("sweep")) {
        std::fprintf(stderr, "mbq-studio: --run takes render or sweep\n");
        return 2;
    }
    // The shot waits for the first take to finish, so it shows a render (or a sweep under way).
    const auto grabWhenDone = [&window, path = parser.value(screenshot)] {
        if (path.isEmpty())
            return;
        // Let the layout, the decoders and the plots settle before grabbing.
        QTimer::singleShot(1500, &window, [&window, path] {
            QApplication::exit(window.grab().save(path) ? 0 : 1);
        });
    };
    if (what == QLatin1String("render")) {
        window.takeRunner()->render(mbq::RenderKind::Full);
    } else if (what == QLatin1String("sweep")) {
        const int steps = document.data().parameters.settings.steps;
        window.takeRunner()->sweep(mbq::TakeRunner::sweepGrid(
                {0.5f, 1.0f}, {std::max(1, steps / 3), std::max(1, 2 * steps / 3)}));
    }
    if (!what.isEmpty()) {
        auto once = std::make_shared<bool>(false);
        QObject::connect(window.takeRunner(), &mbq::TakeRunner::takeFinished, &window,
                         [grabWhenDone, once](const QString &, mbq::TakeState) {
                             if (!*once) {
                                 *once = true;
                                 grabWhenDone();
                             }
                         });
    } else {
        grabWhenDone();
    }
    return app.exec();
}
