#include "ui/project/project_summary_view.h"

#include "core/project/project_data.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>

namespace mbq {
namespace {

QString orNone(const QString &text)
{
    return text.isEmpty() ? ProjectSummaryView::tr("(none)") : text;
}

QString fileState(const QString &path)
{
    if (path.isEmpty())
        return ProjectSummaryView::tr("(none)");
    if (!QFileInfo::exists(path))
        return ProjectSummaryView::tr("%1 — not found").arg(QFileInfo(path).fileName());
    return QFileInfo(path).fileName();
}

// "block.20" -> ("block.", 20); ids without a trailing number give -1.
std::pair<QString, int> splitIndex(const QString &id)
{
    int digits = id.size();
    while (digits > 0 && id.at(digits - 1).isDigit())
        --digits;
    if (digits == id.size())
        return {id, -1};
    return {id.left(digits), id.mid(digits).toInt()};
}

} // namespace

ProjectSummaryView::ProjectSummaryView(QWidget *parent) : QWidget(parent)
{
    m_form = new QFormLayout(this);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_source = addRow(tr("Source clip"), "sourceClip");
    m_model = addRow(tr("Model"), "modelFolder");
    m_prompt = addRow(tr("Target prompt"), "targetPrompt");
    m_negative = addRow(tr("Negative prompt"), "negativePrompt");
    m_sourcePrompt = addRow(tr("Source prompt"), "sourcePrompt");
    m_generation = addRow(tr("Generation"), "generation");
    m_layers = addRow(tr("Q injection"), "injectionLayers");
    m_steps = addRow(tr("Injected steps"), "injectionSteps");
    m_extraction = addRow(tr("Source extraction"), "extraction");
    m_takes = addRow(tr("Takes"), "takes");
}

QLabel *ProjectSummaryView::addRow(const QString &label, const char *objectName)
{
    auto *value = new QLabel(this);
    value->setObjectName(QLatin1String(objectName));
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(label, value);
    return value;
}

void ProjectSummaryView::showProject(const ProjectData &data)
{
    const RenderParameters &p = data.parameters;
    const GenerationSettings &s = p.settings;
    m_source->setText(fileState(data.sourceClip));
    m_source->setToolTip(data.sourceClip);
    m_model->setText(fileState(data.modelFolder));
    m_model->setToolTip(data.modelFolder);
    m_prompt->setText(orNone(p.targetPrompt()));
    m_negative->setText(orNone(p.negativePrompt));
    m_sourcePrompt->setText(orNone(p.sourcePrompt));
    m_generation->setText(tr("seed %1%2 · %3×%4 · %5 frames at %6 fps · %7 steps %8 · "
                             "guidance %9 · shift %10")
                              .arg(s.seed)
                              .arg(data.seedLocked ? tr(" (locked)") : QString())
                              .arg(s.width)
                              .arg(s.height)
                              .arg(s.frames)
                              .arg(s.fps)
                              .arg(s.steps)
                              .arg(QLatin1String(samplerName(s.sampler)))
                              .arg(s.guidance)
                              .arg(s.shift));
    const InjectionSchedule &q = p.schedule;
    m_layers->setText(tr("%1 (%2)").arg(describeLayers(data),
                                        QLatin1String(injectionModeName(q.mode))));
    m_steps->setText(tr("steps %1 to %2 of %3").arg(q.stepBegin).arg(q.stepEnd).arg(s.steps));
    m_extraction->setText(q.extraction == ExtractionMode::Single
                              ? tr("single pass at t = %1").arg(q.extractionTimestep)
                              : QLatin1String(extractionModeName(q.extraction)));
    m_takes->setText(data.takes.isEmpty() ? tr("no renders yet")
                                          : tr("%n take(s)", nullptr, int(data.takes.size())));
}

QString ProjectSummaryView::describeLayers(const ProjectData &data)
{
    // Collapse consecutive ids of one family with one weight into a band: block.20–block.29.
    QStringList parts;
    const auto &layers = data.parameters.schedule.layers;
    for (size_t i = 0; i < layers.size();) {
        if (layers[i].weight <= 0.0f) {
            ++i;
            continue;
        }
        const QString first = QString::fromStdString(layers[i].layer);
        const auto [stem, index] = splitIndex(first);
        size_t j = i + 1;
        while (index >= 0 && j < layers.size() && layers[j].weight == layers[i].weight) {
            const auto [nextStem, nextIndex] = splitIndex(QString::fromStdString(layers[j].layer));
            if (nextStem != stem || nextIndex != index + int(j - i))
                break;
            ++j;
        }
        const QString band = j - i > 1
            ? first + QChar(0x2013) + QString::fromStdString(layers[j - 1].layer)
            : first;
        parts << tr("%1 at %2").arg(band).arg(layers[i].weight, 0, 'f', 2);
        i = j;
    }
    return parts.isEmpty() ? tr("off") : parts.join(QLatin1String(", "));
}

} // namespace mbq
