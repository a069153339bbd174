#include "ui/status/engine_text.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace mbq {

QString deviceText(const QString &engineDevice)
{
    // The torch engine's wording for the CPU (inference/torch_engine.cpp).
    static const QRegularExpression cpu(QStringLiteral("^CPU \\((\\d+) threads?\\)$"));
    const QRegularExpressionMatch match = cpu.match(engineDevice);
    if (!match.hasMatch())
        return engineDevice;
    // English has no translation file to pick the singular from a %n plural.
    const int threads = match.captured(1).toInt();
    return threads == 1
        ? QCoreApplication::translate("mbq::EngineText", "CPU (1 thread)")
        : QCoreApplication::translate("mbq::EngineText", "CPU (%n threads)", nullptr, threads);
}

QString layoutText(const QString &layout)
{
    if (layout == QLatin1String("official"))
        return QCoreApplication::translate("mbq::EngineText", "official");
    if (layout == QLatin1String("diffusers"))
        return QStringLiteral("Diffusers");
    return layout;
}

} // namespace mbq
