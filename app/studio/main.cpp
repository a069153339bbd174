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

namespace {

struct StudioOptions
{
    QCommandLineOption screenshot;
    QCommandLineOption language;
    QCommandLineOption run;
};

StudioOptions describeOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QApplication::translate("main", "Zero-shot motion transfer editor"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "Project file to open "
                                                                 "(default: the demo project)"),
                                 QStringLiteral("[project.mbqproj]"));
    StudioOptions options {
        QCommandLineOption(QStringLiteral("screenshot"),
                           QApplication::translate("main",
                                                   "Save a PNG of the main window "
                                                   "once shown, then quit."),
                           QStringLiteral("file.png")),
        QCommandLineOption(QStringLiteral("language"),
                           QApplication::translate("main",
                                                   "User interface language: %1 "
                                                   "(default: the system's)")
                               .arg(mbq::availableLanguages().join(QLatin1String(", "))),
                           QStringLiteral("code")),
        QCommandLineOption(QStringLiteral("run"),
                           QApplication::translate("main",
                                                   "Once the project is open, start a "
                                                   "render or a sweep (render|sweep); "
                                                   "with --screenshot the picture is "
                                                   "taken after the render, or after "
                                                   "the sweep's first cell."),
                           QStringLiteral("what")),
    };
    parser.addOption(options.screenshot);
    parser.addOption(options.language);
    parser.addOption(options.run);
    return options;
}

// --help and --version only print: they must work where no display is (a terminal over ssh,
// a packaging check), so they are answered before the GUI connects to one.
bool onlyPrints(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "-?" || arg == "--help-all" || arg == "-v"
            || arg == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("Motion by Queries Studio"));
    QCoreApplication::setOrganizationName(QStringLiteral("mbq"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MBQ_VERSION));
    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        QCommandLineParser parser;
        describeOptions(parser);
        parser.process(app); // prints and exits
    }

    QApplication app(argc, argv);
    QCommandLineParser parser;
    const StudioOptions options = describeOptions(parser);
    parser.process(app);
    // The command line wins over the language chosen in Preferences.
    const QString chosen = parser.isSet(options.language)
        ? parser.value(options.language)
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

    const QString what = parser.value(options.run);
    if (!what.isEmpty() && what != QLatin1String("render") && what != QLatin1String("sweep")) {
        std::fprintf(stderr, "mbq-studio: --run takes render or sweep\n");
        return 2;
    }
    // The shot waits for the first take to finish, so it shows a render (or a sweep under way).
    const auto grabWhenDone = [&window, path = parser.value(options.screenshot)] {
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
