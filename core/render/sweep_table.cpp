#include "core/render/sweep_table.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QLocale>
#include <QSaveFile>

namespace mbq {
namespace {

struct SweepTable
{
    Q_DECLARE_TR_FUNCTIONS(mbq::SweepTable)
};

const char *stateName(SweepState state)
{
    switch (state) {
    case SweepState::Running:
        return "running";
    case SweepState::Finished:
        return "finished";
    case SweepState::Cancelled:
        return "cancelled";
    case SweepState::Failed:
        return "failed";
    }
    return "?";
}

// A JSON string, not a number: JSON numbers are doubles and lose uint64 seeds above 2^53.
QJsonValue seedValue(uint64_t seed)
{
    return QString::number(qulonglong(seed));
}

QJsonValue optional(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString csvField(const QJsonValue &value)
{
    if (value.isNull())
        return {};
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    QString text = value.toString();
    // RFC 4180: a field with a separator, a quote or a line break is quoted, quotes doubled.
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
        || text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r')))
        text = QLatin1Char('"') + text.replace(QLatin1Char('"'), QLatin1String("\"\""))
            + QLatin1Char('"');
    return text;
}

// Unbuffered, writing until done: Qt 6.4's buffered flush takes a short write (disk full) for
// success, and commit() would then rename a truncated file into place.
Result<void> saveAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    const auto failed = [&](const QString &reason) {
        return makeError(ErrorCode::Io,
                         SweepTable::tr("Cannot write %1: %2").arg(path, reason).toStdString());
    };
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return failed(file.errorString());
    for (qint64 written = 0; written < bytes.size();) {
        const qint64 n = file.write(bytes.constData() + written, bytes.size() - written);
        if (n <= 0) {
            const QString reason = file.errorString();
            file.cancelWriting();
            return failed(reason);
        }
        written += n;
    }
    if (!file.commit())
        return failed(file.errorString());
    return {};
}

} // namespace

QJsonArray sweepAxesJson(const SweepGrid &grid)
{
    QJsonArray axes;
    for (const SweepAxis &axis : grid.axes) {
        QJsonArray values;
        if (axis.parameter == SweepParameter::Layers) {
            for (const QString &label : axis.labels)
                values.append(label);
        } else {
            for (double number : axis.numbers)
                values.append(number);
        }
        axes.append(QJsonObject {
            {QStringLiteral("name"), QLatin1String(sweepParameterName(axis.parameter))},
            {QStringLiteral("values"), values}});
    }
    return axes;
}

const QStringList &sweepColumns()
{
    static const QStringList columns = {
        QStringLiteral("cell"),
        QStringLiteral("file"),
        QStringLiteral("seed"),
        QStringLiteral("begin_step"),
        QStringLiteral("end_step"),
        QStringLiteral("layers"),
        QStringLiteral("weight"),
        QStringLiteral("baseline"),
        QStringLiteral("motion_fidelity"),
        QStringLiteral("baseline_fidelity"),
        QStringLiteral("identity_leak"),
        QStringLiteral("temporal_warp_error"),
        QStringLiteral("render_seconds"),
        QStringLiteral("metrics_seconds"),
        QStringLiteral("extraction_passes"),
        QStringLiteral("resumed_steps"),
        QStringLiteral("computed_steps"),
    };
    return columns;
}

QJsonObject sweepRowToJson(const SweepRow &row)
{
    return {
        {QStringLiteral("cell"), row.cell},
        {QStringLiteral("file"), row.file},
        {QStringLiteral("seed"), seedValue(row.seed)},
        {QStringLiteral("begin_step"), row.beginStep},
        {QStringLiteral("end_step"), row.endStep},
        {QStringLiteral("layers"), row.layers},
        {QStringLiteral("weight"), row.weight},
        {QStringLiteral("baseline"), row.baseline},
        {QStringLiteral("motion_fidelity"), optional(row.motionFidelity)},
        {QStringLiteral("baseline_fidelity"), optional(row.baselineFidelity)},
        {QStringLiteral("identity_leak"), optional(row.identityLeak)},
        {QStringLiteral("temporal_warp_error"), optional(row.temporalWarpError)},
        {QStringLiteral("render_seconds"), row.renderSeconds},
        {QStringLiteral("metrics_seconds"), row.metricsSeconds},
        {QStringLiteral("extraction_passes"), row.extractionPasses},
        {QStringLiteral("resumed_steps"), row.resumedSteps},
        {QStringLiteral("computed_steps"), row.computedSteps},
    };
}

QByteArray sweepCsv(const SweepReport &report)
{
    QString csv = sweepColumns().join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const SweepRow &row : report.rows) {
        const QJsonObject object = sweepRowToJson(row);
        QStringList fields;
        for (const QString &column : sweepColumns())
            fields << csvField(object.value(column));
        csv += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return csv.toUtf8();
}

QByteArray sweepJson(const SweepReport &report)
{
    QJsonArray seeds, baselines, rows;
    for (uint64_t seed : report.seeds)
        seeds.append(seedValue(seed));
    for (const SweepBaseline &b : report.baselines)
        baselines.append(QJsonObject {{QStringLiteral("seed"), seedValue(b.seed)},
                                      {QStringLiteral("file"), b.file},
                                      {QStringLiteral("render_seconds"), b.renderSeconds},
                                      {QStringLiteral("computed_steps"), b.computedSteps}});
    for (const SweepRow &row : report.rows)
        rows.append(sweepRowToJson(row));
    const QJsonObject root {
        {QStringLiteral("format"), QStringLiteral("mbq-sweep")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("state"), QLatin1String(stateName(report.state))},
        {QStringLiteral("base"), report.base},
        {QStringLiteral("axes"), report.axes},
        {QStringLiteral("seeds"), seeds},
        {QStringLiteral("planned_cells"), report.plannedCells},
        {QStringLiteral("columns"), QJsonArray::fromStringList(sweepColumns())},
        {QStringLiteral("baselines"), baselines},
        {QStringLiteral("rows"), rows},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<void> saveSweepReport(const QString &folder, const SweepReport &report)
{
    const QDir dir(folder);
    if (auto saved = saveAtomically(dir.filePath(QStringLiteral("sweep.csv")), sweepCsv(report));
        !saved)
        return saved;
    return saveAtomically(dir.filePath(QStringLiteral("sweep.json")), sweepJson(report));
}

} // namespace mbq
