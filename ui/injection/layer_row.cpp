#include "ui/injection/layer_row.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QPainter>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>

#include <cmath>

namespace mbq {
namespace {

constexpr int kSliderSteps = 100; // slider value = weight * 100

QToolButton *toggle(const QString &text, const QString &toolTip, const char *name)
{
    auto *button = new QToolButton;
    button->setObjectName(QLatin1String(name));
    button->setText(text);
    button->setToolTip(toolTip);
    button->setCheckable(true);
    button->setAutoRaise(true);
    return button;
}

} // namespace

LayerRow::LayerRow(const std::string &id, const QString &label, const QString &toolTip,
                   QWidget *parent)
    : QWidget(parent)
    , m_id(id)
    , m_select(new QCheckBox(label))
    , m_slider(new QSlider(Qt::Horizontal))
    , m_spin(new QDoubleSpinBox)
    , m_mute(toggle(tr("M", "mute"), tr("Mute: weight 0, click again to restore it"), "muteButton"))
    , m_solo(toggle(tr("S", "solo"),
                    tr("Solo: only this layer injects, click again to restore the others"),
                    "soloButton"))
{
    setObjectName(QStringLiteral("layerRow:%1").arg(QString::fromStdString(id)));
    m_select->setObjectName(QStringLiteral("layerSelectCheck"));
    m_select->setToolTip(toolTip);
    m_slider->setObjectName(QStringLiteral("weightSlider"));
    m_slider->setRange(0, kSliderSteps);
    m_slider->setPageStep(10);
    m_slider->setAccessibleName(tr("Weight of %1").arg(label));
    m_spin->setObjectName(QStringLiteral("weightSpin"));
    m_spin->setRange(0.0, 1.0);
    m_spin->setDecimals(2);
    m_spin->setSingleStep(0.05);
    // Typing "0.75" is one edit, not three.
    m_spin->setKeyboardTracking(false);
    m_spin->setAccessibleName(m_slider->accessibleName());

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 0, 2, 0);
    layout->addWidget(m_select);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_spin);
    layout->addWidget(m_mute);
    layout->addWidget(m_solo);

    connect(m_slider, &QSlider::valueChanged, this,
            [this](int value) { emit weightEdited(float(value) / kSliderSteps); });
    connect(m_slider, &QSlider::sliderReleased, this, &LayerRow::weightDragFinished);
    connect(m_spin, &QDoubleSpinBox::valueChanged, this,
            [this](double value) { emit weightEdited(float(value)); });
    connect(m_mute, &QToolButton::clicked, this, &LayerRow::muteClicked);
    connect(m_solo, &QToolButton::clicked, this, &LayerRow::soloClicked);
    connect(m_select, &QCheckBox::toggled, this, [this](bool selected) {
        update(); // the highlight
        emit selectionToggled(selected);
    });
}

void LayerRow::showState(float weight, bool muted, bool soloed)
{
    const QSignalBlocker blockSlider(m_slider);
    const QSignalBlocker blockSpin(m_spin);
    const QSignalBlocker blockMute(m_mute);
    const QSignalBlocker blockSolo(m_solo);
    m_slider->setValue(int(std::lround(weight * kSliderSteps)));
    m_spin->setValue(weight);
    m_mute->setChecked(muted);
    m_mute->setEnabled(muted || weight > 0.0f); // an off layer has nothing to mute or restore
    m_solo->setChecked(soloed);
}

void LayerRow::setSelected(bool selected)
{
    const QSignalBlocker blocker(m_select);
    m_select->setChecked(selected);
    update();
}

bool LayerRow::isSelected() const
{
    return m_select->isChecked();
}

int LayerRow::labelWidthHint() const
{
    return m_select->sizeHint().width();
}

void LayerRow::setLabelWidth(int width)
{
    m_select->setMinimumWidth(width);
}

void LayerRow::paintEvent(QPaintEvent *)
{
    if (!isSelected())
        return;
    // A tint of the selection colour, light enough for the row's text to stay readable.
    QColor tint = palette().color(QPalette::Highlight);
    tint.setAlphaF(0.3f);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(tint);
    const qreal radius = fontMetrics().height() * 0.25;
    painter.drawRoundedRect(QRectF(rect()), radius, radius);
}

} // namespace mbq
