#pragma once
// Runs one of our executables the way a user or script would and keeps what it said; shared by
// the tests that drive `mbq` end to end.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace mbq::test {

struct ProcessRun
{
    int code = -1; // the exit code; -1 when it did not start, crashed or timed out
    QByteArray out;
    QByteArray err;
};

inline ProcessRun runProcess(const QString &program, const QStringList &args,
                             int timeoutMs = 120000)
{
    QProcess process;
    process.start(program, args);
    ProcessRun run;
    if (!process.waitForStarted(30000) || !process.waitForFinished(timeoutMs))
        return run;
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// The `mbq` command line of this build.
inline ProcessRun runMbq(const QStringList &args)
{
    return runProcess(QStringLiteral(MBQ_BINARY_DIR "/bin/mbq"), args);
}

} // namespace mbq::test
