#include "ui/takes/take_presenter.h"

#include "ui/compare/compare_view.h"
#include "core/project/schedule_text.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>

namespace mbq {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct TakePresenter
{
    Q_DECLARE_TR_FUNCTIONS(mbq::TakePresenter)
};

double metric(const Take &take, const char *key)
{
    return take.metrics.value(QLatin1String(key), kNaN);
}

QVector<double> curveOf(const QJsonValue &value)
{
    QVector<double> values;
    for (const QJsonValue &v : value.toArray())
        values << (v.isDouble() ? v.toDouble() : kNaN); // null marks an undefined point
    return values;
}

} // namespace

QString metricsPathOf(const Take &take)
{
    if (take.videoPath.isEmpty())
        return {};
    const QFileInfo video(take.videoPath);
    return video.dir().filePath(video.completeBaseName() + QStringLiteral(".metrics.json"));
}

QVector<TradeoffPoint> tradeoffPointsOf(const ProjectData &data)
{
    QVector<TradeoffPoint> points;
    for (const Take &take : data.takes) {
        const double leak = metric(take, "identity_leak");
        const double fidelity = metric(take, "motion_fidelity");
        if (std::isnan(leak) || std::isnan(fidelity))
            continue;
        const InjectionSchedule &s = take.parameters.schedule;
        const QString details = TakePresenter::tr("layers %1\nsteps %2–%3 of %4 · %5\nseed %6")
                                    .arg(describeLayers(take.parameters.schedule))
                                    .arg(s.stepBegin)
                                    .arg(s.stepEnd)
                                    .arg(take.parameters.settings.steps)
                                    .arg(QString::fromLatin1(injectionModeName(s.mode)))
                                    .arg(take.parameters.settings.seed);
        points.append({take.id, take.label, leak, fidelity, details});
    }
    return points;
}

QVector<FrameCurve> frameCurvesOf(const QString &metricsPath)
{
    QFile file(metricsPath);
    if (metricsPath.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QVector<FrameCurve> curves;
    const auto add = [&](const QString &name, const QJsonValue &values) {
        const QVector<double> curve = curveOf(values);
        if (!curve.isEmpty())
            curves.append({name, curve});
    };
    add(TakePresenter::tr("motion fidelity"),
        json.value(QStringLiteral("fidelity")).toObject().value(QStringLiteral("perStep")));
    add(TakePresenter::tr("identity leak"),
        json.value(QStringLiteral("identityLeak")).toObject().value(QStringLiteral("perFrame")));
    add(TakePresenter::tr("warp error"),
        json.value(QStringLiteral("temporalConsistency"))
            .toObject()
            .value(QStringLiteral("perStep")));
    return curves;
}

QString injectedCaption(const Take &take)
{
    return CompareView::metricsCaption(metric(take, "motion_fidelity"),
                                       metric(take, "identity_leak"));
}

QString baselineCaption(const Take &take)
{
    // The baseline is the leak reference: its own leak is zero by definition.
    return CompareView::metricsCaption(metric(take, "baseline_fidelity"),
                                       take.baselinePath.isEmpty() ? kNaN : 0.0);
}

} // namespace mbq
