#pragma once
// One layer in the injection panel: a selection check box with the layer's label, a weight
// slider (0..100 for 0..1), a weight spin box, and mute and solo toggles. The row only shows
// state (showState) and reports what the user did; the panel turns that into document edits.

#include <QWidget>

#include <string>

class QCheckBox;
class QDoubleSpinBox;
class QSlider;
class QToolButton;

namespace mbq {

class LayerRow : public QWidget
{
    Q_OBJECT

public:
    // objectName "layerRow:<id>"; children "layerSelectCheck", "weightSlider", "weightSpin",
    // "muteButton", "soloButton".
    LayerRow(const std::string &id, const QString &label, const QString &toolTip,
             QWidget *parent = nullptr);

    const std::string &layerId() const { return m_id; }

    // Shows the document's state without emitting anything.
    void showState(float weight, bool muted, bool soloed);
    void setSelected(bool selected);
    bool isSelected() const;

    // Aligns the sliders of all rows: the label column is at least this wide.
    int labelWidthHint() const;
    void setLabelWidth(int width);

signals:
    void weightEdited(float weight);
    // The slider drag behind the last weightEdited ended: the next edit is a new one for undo.
    void weightDragFinished();
    void muteClicked();
    void soloClicked();
    void selectionToggled(bool selected);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::string m_id;
    QCheckBox *m_select;
    QSlider *m_slider;
    QDoubleSpinBox *m_spin;
    QToolButton *m_mute;
    QToolButton *m_solo;
};

} // namespace mbq
