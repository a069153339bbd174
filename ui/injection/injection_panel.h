#pragma once
// The Q injection panel: which layers receive the source's queries and how strongly, the
// injection mode, how source Q is extracted, and over which steps (a StepRangeScrubber).
// Every edit is one undoable ProjectDocument command; the panel refreshes from the document
// and never writes back while refreshing.
//
// Layers: one row per layer the model reports (LayerRow), in tabs and groups by groupLayers()
// for U-Nets. Slider drags go through ProjectDocument::setLayerWeight, which merges a drag
// into one undo step. The band field ("layerSelectionEdit") takes the text of
// parseLayerSelection(); Enter selects those rows, and "Set" gives every selected layer the
// weight beside it as one undo step. Ticking rows writes the selection back as text. Mute and
// solo are described in layer_mute_solo.h; each click is one undo step.
//
// Presets ("presetButton") are the compiled-in ones for the model family, offered as starting
// points; choosing one replaces the schedule, its step range rescaled to the project's step
// count, as one undo step.
//
// objectNames: presetButton, layerSelectionEdit, selectionWeightSpin, applySelectionButton,
// layerSelectionError, layerTabs, layerRow:<id> (see LayerRow), replaceRadio, blendRadio,
// extractionCombo, extractionTimestepSpin, stepScrubber.

#include "core/project/project_document.h"
#include "inference/injection_preset.h"
#include "ui/injection/layer_mute_solo.h"

#include <QWidget>

#include <set>
#include <string>
#include <vector>

class QButtonGroup;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QPushButton;
class QToolButton;

namespace mbq {

class LayerRow;
class StepRangeScrubber;

class InjectionPanel : public QWidget
{
    Q_OBJECT

public:
    explicit InjectionPanel(ProjectDocument *document, QWidget *parent = nullptr);

    // The layers the model reports, in network order, and its family (e.g. "wan2.1"), which
    // picks the presets. Rebuilds the rows and clears the selection.
    void setLayers(const std::vector<std::string> &ids, const QString &family);
    const std::vector<std::string> &layers() const { return m_layers; }

    std::vector<std::string> selectedLayers() const; // in network order

    // The step a re-render would resume from, marked on the scrubber; -1 hides the marker.
    void setResumeStep(int step);

private:
    QWidget *buildLayerControls();
    QWidget *buildModeControls();
    void buildRows();
    void rebuildPresetMenu();

    void refresh(ProjectDocument::Aspect aspect);
    void refreshRows();
    void refreshModes();
    void refreshSteps(); // the step count and timesteps (settings), and the range

    // Pushes `schedule` as one undo step named `text`; nothing when it equals the current one.
    void applySchedule(const InjectionSchedule &schedule, const QString &text);
    void applyPreset(const InjectionPreset &preset);
    void editWeight(const std::string &id, float weight);
    void toggleMute(const std::string &id);
    void toggleSolo(const std::string &id);
    void applyWeightToSelection();
    void commitSourceSeed();

    // Reads the band field; false (and an inline error) when it does not parse.
    bool selectFromText();
    void setSelection(const std::set<std::string> &ids);
    // Selects the layers the schedule injects, with their weight when they share one: what a
    // project or a model opens with, so the band field says which layers inject.
    void selectInjected();
    // Brings the layer's row into view: an opened project shows the rows it injects, not the
    // first rows of the network. Rows get their geometry only when their page is laid out
    // (the dock may not even be shown yet), so the reveal waits for that.
    void revealLayer(const std::string &id);
    void revealPending();
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showError(const QString &message);
    const InjectionSchedule &schedule() const;

    ProjectDocument *m_document;
    std::vector<std::string> m_layers;
    QString m_family;
    std::vector<LayerRow *> m_rows;
    std::string m_reveal; // the row to bring into view once it has its geometry
    std::set<std::string> m_selected;
    LayerMuteSolo m_muteSolo;
    std::vector<InjectionPreset> m_presets;

    QPushButton *m_presetButton;
    QMenu *m_presetMenu;
    QLineEdit *m_selectionEdit;
    QDoubleSpinBox *m_selectionWeight;
    QPushButton *m_applySelection;
    QLabel *m_error;
    QLabel *m_injected; // which layers inject at which weights, whatever the rows scroll to
    QTabWidget *m_tabs;
    QButtonGroup *m_modeGroup;
    QComboBox *m_extraction;
    QSpinBox *m_extractionTimestep;
    QLineEdit *m_sourceSeed; // lockstep only
    QFormLayout *m_modeForm;
    StepRangeScrubber *m_scrubber;
};

} // namespace mbq
