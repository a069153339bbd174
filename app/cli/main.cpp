// mbq: the headless command line. Dispatches subcommands; each lives in its own file.
#include "app/cli/commands.h"
#include "inference/engine.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

void printUsage(FILE *to)
{
    std::fprintf(to,
                 "usage: mbq <command> [options]\n"
                 "\n"
                 "commands:\n"
                 "  info PATH [--json]          list a checkpoint's tensors or summarise a model "
                 "folder\n"
                 "  convert IN OUT.safetensors [--dtype keep|f32|f16|bf16]\n"
                 "                              convert a .pth/.ckpt/.safetensors checkpoint\n"
                 "\n"
                 "  mbq --version | mbq --help | mbq <command> --help\n");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mbq"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MBQ_VERSION));

    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    if (args.isEmpty()) {
        printUsage(stderr);
        return 2;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        std::printf("mbq %s\n%s\n", MBQ_VERSION, mbq::inferenceBuildInfo().c_str());
        return 0;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h")
        || command == QLatin1String("help")) {
        printUsage(stdout);
        return 0;
    }
    if (command == QLatin1String("info"))
        return mbq::cli::runInfo(args);
    if (command == QLatin1String("convert"))
        return mbq::cli::runConvert(args);
    std::fprintf(stderr, "mbq: unknown command '%s'\n\n", qPrintable(command));
    printUsage(stderr);
    return 2;
}
