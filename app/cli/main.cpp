// mbq: the headless command line. Dispatches subcommands; each lives in its own file.
#include "app/cli/commands.h"
#include "inference/engine.h"

#include <QCoreApplication>
#include <QHash>

#include <cstdio>
#include <exception>

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
                 "  metrics --source A --output B [--baseline C] [--json]\n"
                 "                              motion fidelity, identity leak, temporal "
                 "consistency\n"
                 "  generate --model DIR --prompt TEXT --out CLIP.mp4 [...]\n"
                 "                              Wan2.1 text-to-video\n"
                 "  transfer --model DIR --source CLIP --prompt TEXT --out CLIP.mp4 [...]\n"
                 "                              motion transfer by Q injection\n"
                 "  sweep --model DIR --source CLIP --prompt TEXT --vary AXIS=VALUES --out DIR\n"
                 "                              motion transfer over a grid of step ranges,\n"
                 "                              weights, layers and seeds, with metrics\n"
                 "  probe wan-dit|wan-vae-encode|wan-vae-decode|wan-text-encoder|wan-tokenizer|\n"
                 "        wan-schedule ...\n"
                 "                              run one model component on tensors (conformance)\n"
                 "  make-tiny-model --family wan2.1 --layout official|diffusers --out DIR\n"
                 "                              write a random-weight test model\n"
                 "  make-demo --out DIR           a demo project for mbq-studio (random model,\n"
                 "                              drawn source clip)\n"
                 "  toy-world --prompt TEXT --out CLIP.mp4 | --count N --out DIR\n"
                 "                              clips of the toy model's world (sources,\n"
                 "                              training data)\n"
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
    using Command = int (*)(const QStringList &);
    static const QHash<QString, Command> commands = {
        {QStringLiteral("info"), mbq::cli::runInfo},
        {QStringLiteral("convert"), mbq::cli::runConvert},
        {QStringLiteral("metrics"), mbq::cli::runMetrics},
        {QStringLiteral("generate"), mbq::cli::runGenerate},
        {QStringLiteral("transfer"), mbq::cli::runTransfer},
        {QStringLiteral("sweep"), mbq::cli::runSweep},
        {QStringLiteral("probe"), mbq::cli::runProbe},
        {QStringLiteral("make-tiny-model"), mbq::cli::runMakeTinyModel},
        {QStringLiteral("make-demo"), mbq::cli::runMakeDemo},
        {QStringLiteral("toy-world"), mbq::cli::runToyWorld},
    };
    if (const Command run = commands.value(command)) {
        // The one place exceptions stop: a bug still ends with a message and a plain exit code.
        try {
            return run(args);
        } catch (const std::exception &e) {
            std::fprintf(stderr, "mbq: internal error: %s\n", e.what());
            return 1;
        }
    }
    std::fprintf(stderr, "mbq: unknown command '%s'\n\n", qPrintable(command));
    printUsage(stderr);
    return 2;
}
