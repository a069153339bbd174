#pragma once
// One function per `mbq` subcommand; each gets the arguments after the subcommand name and
// returns the process exit code (0 ok, 1 failure the user can fix, 2 usage error).

#include <QStringList>

namespace mbq::cli {

int runInfo(const QStringList &args);
int runConvert(const QStringList &args);
int runMetrics(const QStringList &args);
int runGenerate(const QStringList &args);
int runTransfer(const QStringList &args);
int runSweep(const QStringList &args);
int runProbe(const QStringList &args);
int runMakeTinyModel(const QStringList &args);
int runMakeDemo(const QStringList &args);
int runToyWorld(const QStringList &args);

} // namespace mbq::cli
