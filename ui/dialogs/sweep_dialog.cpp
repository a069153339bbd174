#include "ui/dialogs/sweep_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include <cmath>

namespace mbq {

SweepDialog::SweepDialog(const RenderParameters &current, QWidget *parent)
    : QDialog(parent)
    , m_steps(current.settings.steps)
    , m_weights(new QLineEdit(QStringLiteral("0.25, 0.5, 0.75, 1")))
    , m_ends(new QLineEdit)
    , m_summary(new QLabel)
{
    setWindowTitle(tr("Sweep"));
    setObjectName(QStringLiteral("sweepDialog"));
    m_weights->setObjectName(QStringLiteral("sweepWeights"));
    m_ends->setObjectName(QStringLiteral("sweepEnds"));
    // Ends around the paper's ~58% of the steps, from light to strong injection.
    QStringList ends;
    for (double share : {0.2, 0.4, 0.58, 0.8})
        ends << QString::number(std::max(current.schedule.stepBegin + 1,
                                         int(std::lround(share * m_steps))));
    m_ends->setText(ends.join(QStringLiteral(", ")));

    auto *form = new QFormLayout(this);
    auto *intro = new QLabel(tr("Renders every combination of layer weight and step-range end "
                                "with the current settings; each cell becomes a take and a "
                                "point on the trade-off plot as it finishes."));
    intro->setWordWrap(true);
    form->addRow(intro);
    form->addRow(tr("Layer &weights:"), m_weights);
    form->addRow(tr("Step-range &ends:"), m_ends);
    form->addRow(m_summary);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Queue Sweep"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_weights, &QLineEdit::textChanged, this, &SweepDialog::validate);
    connect(m_ends, &QLineEdit::textChanged, this, &SweepDialog::validate);
    validate();
}

bool SweepDialog::parseWeights(const QString &text, std::vector<float> *out, QString *error)
{
    out->clear();
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double w = part.trimmed().toDouble(&ok);
        if (!ok || w < 0.0 || w > 1.0) {
            *error = tr("“%1” is not a weight between 0 and 1").arg(part.trimmed());
            return false;
        }
        out->push_back(float(w));
    }
    if (out->empty())
        *error = tr("Give at least one weight");
    return !out->empty();
}

bool SweepDialog::parseSteps(const QString &text, int steps, std::vector<int> *out, QString *error)
{
    out->clear();
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int end = part.trimmed().toInt(&ok);
        if (!ok || end < 1 || end > steps) {
            *error = tr("“%1” is not a step between 1 and %2").arg(part.trimmed()).arg(steps);
            return false;
        }
        out->push_back(end);
    }
    if (out->empty())
        *error = tr("Give at least one step-range end");
    return !out->empty();
}

std::vector<SweepCell> SweepDialog::cells() const
{
    std::vector<float> weights;
    std::vector<int> ends;
    QString error;
    if (!parseWeights(m_weights->text(), &weights, &error)
        || !parseSteps(m_ends->text(), m_steps, &ends, &error))
        return {};
    return TakeRunner::sweepGrid(weights, ends);
}

void SweepDialog::validate()
{
    std::vector<float> weights;
    std::vector<int> ends;
    QString error;
    const bool ok = parseWeights(m_weights->text(), &weights, &error)
            && parseSteps(m_ends->text(), m_steps, &ends, &error);
    m_summary->setText(ok ? tr("%n renders", nullptr, int(weights.size() * ends.size())) : error);
    if (m_ok)
        m_ok->setEnabled(ok);
}

} // namespace mbq
