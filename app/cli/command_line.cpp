#include "app/cli/command_line.h"

#include <cstdio>

namespace mbq::cli {

CommandLine::CommandLine(const char *command, const char *usage)
    : m_help(QStringList {QStringLiteral("h"), QStringLiteral("help")})
    , m_command(command)
    , m_usage(usage)
{
    m_parser.addOption(m_help);
}

QCommandLineOption CommandLine::option(const char *name, const char *fallback)
{
    QCommandLineOption option(QString::fromLatin1(name), {}, QStringLiteral("value"),
                              QString::fromLatin1(fallback));
    m_parser.addOption(option);
    return option;
}

int CommandLine::parse(const QStringList &args)
{
    if (!m_parser.parse(QStringList {QString::fromLatin1(m_command)} + args))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(m_help)) {
        std::fputs(m_usage, stdout);
        return 0;
    }
    return -1;
}

int CommandLine::usageError(const QString &message) const
{
    std::fprintf(stderr, "mbq: %s\n%s", qPrintable(message), m_usage);
    return 2;
}

} // namespace mbq::cli
