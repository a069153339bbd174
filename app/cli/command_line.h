#pragma once
// The option handling the model subcommands share: `--name value` options with defaults, -h,
// and the project's exit codes (2 with the usage text for a bad command line).

#include <QCommandLineParser>
#include <QStringList>

namespace mbq::cli {

class CommandLine
{
public:
    // `command` as typed ("mbq probe"); `usage` is printed for --help and after errors.
    CommandLine(const char *command, const char *usage);

    // Declares `--name value` with `fallback` as its default.
    QCommandLineOption option(const char *name, const char *fallback = "");
    // -1 when the caller should go on; otherwise the exit code to return at once (0 after
    // --help, 2 after a parse error, both already printed).
    int parse(const QStringList &args);

    QString value(const QCommandLineOption &option) const { return m_parser.value(option); }
    // Every value of an option given more than once, in command-line order.
    QStringList values(const QCommandLineOption &option) const { return m_parser.values(option); }
    bool isSet(const QCommandLineOption &option) const { return m_parser.isSet(option); }
    QStringList positional() const { return m_parser.positionalArguments(); }
    // Prints "mbq: <message>" and the usage to stderr; returns 2.
    int usageError(const QString &message) const;

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_help;
    const char *m_command;
    const char *m_usage;
};

} // namespace mbq::cli
