#include "ui/injection/injection_panel.h"

#include "core/project/layer_selection.h"
#include "core/project/preset_library.h"
#include "core/project/schedule_text.h"
#include "inference/wan_tools.h"
#include "ui/injection/layer_groups.h"
#include "ui/injection/layer_row.h"
#include "ui/injection/step_range_scrubber.h"
#include "ui/inspector/seed_validator.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QStyle>
#include <QRadioButton>
#include <QEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTabWidget>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>
#include <map>

namespace mbq {

InjectionPanel::InjectionPanel(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_presetButton(new QPushButton)
    , m_presetMenu(new QMenu(this))
    , m_selectionEdit(new QLineEdit)
    , m_selectionWeight(new QDoubleSpinBox)
    , m_applySelection(new QPushButton(tr("Set")))
    , m_error(new QLabel)
    , m_injected(new QLabel)
    , m_tabs(new QTabWidget)
    , m_modeGroup(new QButtonGroup(this))
    , m_extraction(new QComboBox)
    , m_extractionTimestep(new QSpinBox)
    , m_sourceSeed(new QLineEdit)
    , m_modeForm(nullptr)
    , m_scrubber(new StepRangeScrubber)
{
    setObjectName(QStringLiteral("injectionPanel"));

    m_presetButton->setObjectName(QStringLiteral("presetButton"));
    m_presetButton->setText(tr("Start from Preset"));
    m_presetButton->setToolTip(tr("Published settings per model: starting points to tune from"));
    // A push button keeps its menu arrow beside the text, where a tool button's sits over the
    // end of it; and as the text is centred in what the arrow leaves, half an arrow more on
    // each side keeps them apart (the size hint leaves none).
    m_presetButton->setMenu(m_presetMenu);
    m_presetButton->setMinimumWidth(m_presetButton->sizeHint().width()
                                    + style()->pixelMetric(QStyle::PM_MenuButtonIndicator));
    m_presetMenu->setToolTipsVisible(true); // the notes say what each preset guesses

    m_tabs->setObjectName(QStringLiteral("layerTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabBarAutoHide(true); // Wan's single list needs no tab

    m_scrubber->setObjectName(QStringLiteral("stepScrubber"));

    auto *presetRow = new QHBoxLayout;
    presetRow->addStretch();
    presetRow->addWidget(m_presetButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(presetRow);
    layout->addWidget(buildLayerControls());
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buildModeControls());
    auto *stepsLabel = new QLabel(tr("Injected steps"));
    stepsLabel->setBuddy(m_scrubber);
    layout->addWidget(stepsLabel);
    layout->addWidget(m_scrubber);

    connect(m_scrubber, &StepRangeScrubber::rangeEdited, this, [this](int begin, int end) {
        // setStepRange merges consecutive edits, so a whole drag is one undo step; the end of
        // the drag ends the merging, so the next drag is another step.
        if (auto done = m_document->setStepRange(begin, end); !done)
            showError(QString::fromStdString(done.error().message));
    });
    connect(m_scrubber, &StepRangeScrubber::dragFinished, m_document, &ProjectDocument::endMerging);
    connect(m_document, &ProjectDocument::changed, this, &InjectionPanel::refresh);
    refresh(ProjectDocument::Aspect::All);
}

QWidget *InjectionPanel::buildLayerControls()
{
    m_selectionEdit->setObjectName(QStringLiteral("layerSelectionEdit"));
    m_selectionEdit->setPlaceholderText(tr("e.g. 20-29"));
    m_selectionEdit->setClearButtonEnabled(true);
    m_selectionEdit->setToolTip(
        tr("Layers to select: positions in network order (\"20-29\", \"3,7\"), layer ids, or "
           "\"all\"; press Enter"));
    m_selectionWeight->setObjectName(QStringLiteral("selectionWeightSpin"));
    m_selectionWeight->setRange(0.0, 1.0);
    m_selectionWeight->setDecimals(2);
    m_selectionWeight->setSingleStep(0.05);
    m_selectionWeight->setValue(1.0);
    m_selectionWeight->setToolTip(tr("Weight for the selected layers"));
    m_applySelection->setObjectName(QStringLiteral("applySelectionButton"));
    m_applySelection->setToolTip(tr("Give every selected layer this weight"));
    m_error->setObjectName(QStringLiteral("layerSelectionError"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    m_injected->setObjectName(QStringLiteral("injectedLayersLabel"));
    m_injected->setWordWrap(true);

    auto *label = new QLabel(tr("&Layers"));
    label->setBuddy(m_selectionEdit);
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(label);
    row->addWidget(m_selectionEdit, 1);
    row->addWidget(m_selectionWeight);
    row->addWidget(m_applySelection);

    auto *controls = new QWidget;
    auto *layout = new QVBoxLayout(controls);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_error);
    layout->addWidget(m_injected);

    connect(m_selectionEdit, &QLineEdit::returnPressed, this, &InjectionPanel::selectFromText);
    connect(m_selectionEdit, &QLineEdit::textEdited, this, [this] { showError({}); });
    connect(m_applySelection, &QPushButton::clicked, this, &InjectionPanel::applyWeightToSelection);
    return controls;
}

QWidget *InjectionPanel::buildModeControls()
{
    auto *replace = new QRadioButton(tr("&Replace"));
    replace->setObjectName(QStringLiteral("replaceRadio"));
    replace->setToolTip(tr("Use the source's queries instead of the target's (the paper's "
                           "setting at weight 1)"));
    auto *blend = new QRadioButton(tr("&Blend"));
    blend->setObjectName(QStringLiteral("blendRadio"));
    blend->setToolTip(tr("Mix source and target queries by the layer weight"));
    m_modeGroup->addButton(replace, int(InjectionMode::Replace));
    m_modeGroup->addButton(blend, int(InjectionMode::Blend));
    auto *modes = new QHBoxLayout;
    modes->addWidget(replace);
    modes->addWidget(blend);
    modes->addStretch();

    m_extraction->setObjectName(QStringLiteral("extractionCombo"));
    m_extraction->addItem(tr("Single pass"), int(ExtractionMode::Single));
    m_extraction->addItem(tr("Per step"), int(ExtractionMode::PerStep));
    m_extraction->addItem(tr("Lockstep"), int(ExtractionMode::Lockstep));
    m_extraction->setToolTip(
        tr("How the source's queries are captured: one pass at one timestep, reused for every "
           "step; one pass per injected step; or alongside the target, step by step"));
    m_extractionTimestep->setObjectName(QStringLiteral("extractionTimestepSpin"));
    m_extractionTimestep->setRange(0, 1000);
    m_extractionTimestep->setPrefix(tr("t = "));
    m_extractionTimestep->setKeyboardTracking(false);
    m_extractionTimestep->setToolTip(
        tr("Timestep of the single source pass (0 = clean, 1000 = pure noise)"));
    auto *extraction = new QHBoxLayout;
    extraction->addWidget(m_extraction, 1);
    extraction->addWidget(m_extractionTimestep);

    m_sourceSeed->setObjectName(QStringLiteral("sourceSeedEdit"));
    m_sourceSeed->setValidator(new SeedValidator(SeedValidator::Empty::Allowed, m_sourceSeed));
    m_sourceSeed->setPlaceholderText(tr("None: the clip is inverted"));
    m_sourceSeed->setToolTip(
        tr("If the source clip is this model's render, the seed it was rendered with: the "
           "source then walks from that seed's noise and matches the clip exactly. Leave it "
           "empty for any other clip, which is inverted first (slower, approximate)"));

    auto *controls = new QWidget;
    m_modeForm = new QFormLayout(controls);
    m_modeForm->setContentsMargins(0, 0, 0, 0);
    m_modeForm->addRow(tr("Mode"), modes);
    auto *extractionLabel = new QLabel(tr("&Extraction"));
    extractionLabel->setBuddy(m_extraction);
    m_modeForm->addRow(extractionLabel, extraction);
    auto *seedLabel = new QLabel(tr("Source see&d"));
    seedLabel->setBuddy(m_sourceSeed);
    m_modeForm->addRow(seedLabel, m_sourceSeed);

    connect(m_modeGroup, &QButtonGroup::idClicked, this,
            [this](int mode) { m_document->setInjectionMode(InjectionMode(mode)); });
    const auto editExtraction = [this] {
        const auto mode = ExtractionMode(m_extraction->currentData().toInt());
        const auto done = m_document->setExtraction(mode, float(m_extractionTimestep->value()));
        if (!done)
            showError(QString::fromStdString(done.error().message));
    };
    connect(m_extraction, &QComboBox::activated, this, editExtraction);
    connect(m_extractionTimestep, &QSpinBox::valueChanged, this, editExtraction);
    connect(m_sourceSeed, &QLineEdit::editingFinished, this, &InjectionPanel::commitSourceSeed);
    return controls;
}

void InjectionPanel::setLayers(const std::vector<std::string> &ids, const QString &family)
{
    m_layers = ids;
    m_family = family;
    m_selected.clear();
    m_selectionEdit->clear();
    showError({});
    buildRows();
    rebuildPresetMenu();
    refreshRows();
    selectInjected();
}

void InjectionPanel::buildRows()
{
    while (m_tabs->count() > 0) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page;
    }
    m_rows.clear();

    std::map<QString, QVBoxLayout *> tabs;
    for (const LayerGroup &group : groupLayers(m_layers)) {
        QVBoxLayout *&tab = tabs[group.tab];
        if (!tab) {
            auto *content = new QWidget;
            tab = new QVBoxLayout(content);
            tab->setSpacing(0);
            auto *scroll = new QScrollArea;
            scroll->setWidgetResizable(true);
            scroll->setFrameShape(QFrame::NoFrame);
            scroll->setWidget(content);
            content->installEventFilter(this); // its first layout lets a pending reveal run
            m_tabs->addTab(scroll, group.tab);
        }
        QVBoxLayout *rows = tab;
        if (!group.title.isEmpty()) {
            auto *box = new QGroupBox(group.title);
            rows = new QVBoxLayout(box);
            rows->setSpacing(0);
            tab->addWidget(box);
        }
        for (const std::string &id : group.ids) {
            const auto position
                = std::find(m_layers.begin(), m_layers.end(), id) - m_layers.begin();
            const QString toolTip = tr("%1: layer %2 in network order (type %2 under Layers)")
                                        .arg(QString::fromStdString(id))
                                        .arg(position);
            auto *row = new LayerRow(id, layerLabel(id), toolTip);
            rows->addWidget(row);
            m_rows.push_back(row);
            connect(row, &LayerRow::weightEdited, this,
                    [this, id](float weight) { editWeight(id, weight); });
            connect(row, &LayerRow::weightDragFinished, m_document, &ProjectDocument::endMerging);
            connect(row, &LayerRow::muteClicked, this, [this, id] { toggleMute(id); });
            connect(row, &LayerRow::soloClicked, this, [this, id] { toggleSolo(id); });
            connect(row, &LayerRow::selectionToggled, this, [this, id](bool selected) {
                std::set<std::string> ids = m_selected;
                if (selected)
                    ids.insert(id);
                else
                    ids.erase(id);
                setSelection(ids);
            });
        }
    }
    for (auto &[name, tab] : tabs)
        tab->addStretch();

    int labelWidth = 0;
    for (const LayerRow *row : m_rows)
        labelWidth = std::max(labelWidth, row->labelWidthHint());
    for (LayerRow *row : m_rows)
        row->setLabelWidth(labelWidth);
}

void InjectionPanel::rebuildPresetMenu()
{
    m_presetMenu->clear();
    m_presetMenu->addSection(tr("Starting points"));
    PresetLibrary library = compiledPresets(m_family.toStdString());
    m_presets = std::move(library.presets);
    for (const InjectionPreset &preset : m_presets) {
        QAction *action = m_presetMenu->addAction(QString::fromStdString(preset.label));
        action->setObjectName(QStringLiteral("preset:%1").arg(QString::fromStdString(preset.name)));
        action->setToolTip(QString::fromStdString(preset.notes));
        const std::string name = preset.name;
        connect(action, &QAction::triggered, this, [this, name] {
            for (const InjectionPreset &p : m_presets) {
                if (p.name == name)
                    applyPreset(p);
            }
        });
    }
    if (m_presets.empty())
        m_presetMenu->addAction(tr("No presets for this model"))->setEnabled(false);
    for (const Error &error : library.errors)
        qWarning("mbq: %s", error.message.c_str());
}

const InjectionSchedule &InjectionPanel::schedule() const
{
    return m_document->data().parameters.schedule;
}

void InjectionPanel::refresh(ProjectDocument::Aspect aspect)
{
    switch (aspect) {
    case ProjectDocument::Aspect::All:
        m_muteSolo.forget(); // another project: its weights are not ours to restore
        refreshSteps();
        refreshModes();
        refreshRows();
        selectInjected();
        break;
    case ProjectDocument::Aspect::Schedule:
        m_scrubber->setRange(schedule().stepBegin, schedule().stepEnd);
        refreshModes();
        refreshRows();
        break;
    case ProjectDocument::Aspect::Settings:
        refreshSteps();
        break;
    default:
        break;
    }
}

void InjectionPanel::refreshRows()
{
    const InjectionSchedule &s = schedule();
    m_muteSolo.observe(s);
    for (LayerRow *row : m_rows) {
        const std::string &id = row->layerId();
        row->showState(s.weightOf(id), m_muteSolo.isMuted(s, id), m_muteSolo.isSoloed(s, id));
        row->setSelected(m_selected.count(id) > 0);
    }
    m_injected->setText(tr("Injected: %1").arg(describeLayers(s)));
}

void InjectionPanel::refreshModes()
{
    const InjectionSchedule &s = schedule();
    const QSignalBlocker blockModes(m_modeGroup);
    m_modeGroup->button(int(s.mode))->setChecked(true);
    const QSignalBlocker blockExtraction(m_extraction);
    const QSignalBlocker blockTimestep(m_extractionTimestep);
    m_extraction->setCurrentIndex(m_extraction->findData(int(s.extraction)));
    m_extractionTimestep->setValue(int(std::lround(s.extractionTimestep)));
    // The timestep only means something for the single pass, the source seed for lockstep.
    m_extractionTimestep->setEnabled(s.extraction == ExtractionMode::Single);
    m_modeForm->setRowVisible(m_sourceSeed, s.extraction == ExtractionMode::Lockstep);
    const std::optional<uint64_t> seed = m_document->data().parameters.sourceSeed;
    if (!m_sourceSeed->hasFocus())
        m_sourceSeed->setText(seed ? QString::number(qulonglong(*seed)) : QString());
}

void InjectionPanel::commitSourceSeed()
{
    // The validator lets through only nothing (invert the clip) or a seed that fits.
    const QString text = m_sourceSeed->text();
    m_document->setSourceSeed(text.isEmpty() ? std::nullopt
                                             : std::optional<uint64_t>(text.toULongLong()));
}

void InjectionPanel::refreshSteps()
{
    const GenerationSettings &settings = m_document->data().parameters.settings;
    std::vector<double> timesteps;
    // Flow samplers (Wan) have a timestep grid to label steps with; others show indices only.
    if (auto grid = wanSchedule(settings.steps, settings.shift, settings.sampler))
        timesteps.assign(grid->timesteps.begin(), grid->timesteps.end());
    m_scrubber->setSteps(settings.steps, std::move(timesteps));
    m_scrubber->setRange(schedule().stepBegin, schedule().stepEnd);
}

void InjectionPanel::setResumeStep(int step)
{
    m_scrubber->setResumeStep(step);
}

void InjectionPanel::applySchedule(const InjectionSchedule &edited, const QString &text)
{
    if (edited == schedule())
        return;
    if (auto valid = edited.validate(std::numeric_limits<int>::max(), {}); !valid) {
        showError(QString::fromStdString(valid.error().message));
        return;
    }
    // The macro names the step in the Edit menu ("Undo Solo block.20") and keeps it from
    // merging with a slider drag of the same layer before or after it.
    QUndoStack *stack = m_document->undoStack();
    stack->beginMacro(text);
    const auto done = m_document->setSchedule(edited);
    stack->endMacro();
    if (!done)
        showError(QString::fromStdString(done.error().message));
}

void InjectionPanel::applyPreset(const InjectionPreset &preset)
{
    const int steps = m_document->data().parameters.settings.steps;
    applySchedule(rescaledSchedule(preset, steps),
                  tr("Apply preset %1").arg(QString::fromStdString(preset.label)));
}

void InjectionPanel::editWeight(const std::string &id, float weight)
{
    const auto done = m_document->setLayerWeight(QString::fromStdString(id), weight);
    if (!done)
        showError(QString::fromStdString(done.error().message));
}

void InjectionPanel::toggleMute(const std::string &id)
{
    const QString name = QString::fromStdString(id);
    const bool muting = schedule().weightOf(id) > 0.0f;
    applySchedule(m_muteSolo.toggleMute(schedule(), id),
                  muting ? tr("Mute %1").arg(name) : tr("Unmute %1").arg(name));
    refreshRows(); // a click that changed nothing still leaves the toggle showing the truth
}

void InjectionPanel::toggleSolo(const std::string &id)
{
    const QString name = QString::fromStdString(id);
    const bool soloed = m_muteSolo.isSoloed(schedule(), id);
    applySchedule(m_muteSolo.toggleSolo(schedule(), id),
                  soloed ? tr("Unsolo %1").arg(name) : tr("Solo %1").arg(name));
    refreshRows();
}

void InjectionPanel::applyWeightToSelection()
{
    // Text typed without Enter counts: "Set" means "these layers, this weight".
    if (m_selectionEdit->text() != formatLayerSelection(selectedLayers(), m_layers)
        && !selectFromText())
        return;
    if (m_selected.empty()) {
        showError(tr("Select layers first: type a band such as 20-29, or tick rows."));
        return;
    }
    const float weight = float(m_selectionWeight->value());
    InjectionSchedule edited = schedule();
    for (const std::string &id : m_selected)
        edited = withWeight(edited, id, weight);
    // Named the way the band is typed, with a dash for a run: "Set layers 20–29 to 1.00".
    const QString band = formatLayerSelection(selectedLayers(), m_layers);
    const QString value = QString::number(weight, 'f', 2);
    QString text;
    if (band == QLatin1String("all"))
        text = tr("Set all layers to %1").arg(value);
    else if (m_selected.size() == 1)
        text = tr("Set layer %1 to %2").arg(band, value);
    else
        text = tr("Set layers %1 to %2")
                   .arg(QString(band).replace(QLatin1Char('-'), QChar(0x2013)), value);
    applySchedule(edited, text);
}

bool InjectionPanel::selectFromText()
{
    auto parsed = parseLayerSelection(m_selectionEdit->text(), m_layers);
    if (!parsed) {
        showError(QString::fromStdString(parsed.error().message));
        return false;
    }
    setSelection(std::set<std::string>(parsed->begin(), parsed->end()));
    return true;
}

void InjectionPanel::setSelection(const std::set<std::string> &ids)
{
    m_selected = ids;
    for (LayerRow *row : m_rows)
        row->setSelected(m_selected.count(row->layerId()) > 0);
    // The compact form shows what was understood ("20,21,22" reads back as "20-22").
    m_selectionEdit->setText(formatLayerSelection(selectedLayers(), m_layers));
    showError({});
}

void InjectionPanel::selectInjected()
{
    const InjectionSchedule &s = schedule();
    std::set<std::string> injected;
    std::set<float> weights;
    for (const std::string &id : m_layers) {
        if (const float weight = s.weightOf(id); weight > 0.0f) {
            injected.insert(id);
            weights.insert(weight);
        }
    }
    setSelection(injected);
    if (weights.size() == 1)
        m_selectionWeight->setValue(double(*weights.begin()));
    const auto first = std::find_if(m_layers.begin(), m_layers.end(),
                                    [&](const std::string &id) { return injected.count(id); });
    if (first != m_layers.end())
        revealLayer(*first);
}

void InjectionPanel::revealLayer(const std::string &id)
{
    m_reveal = id;
    QMetaObject::invokeMethod(this, &InjectionPanel::revealPending, Qt::QueuedConnection);
}

void InjectionPanel::revealPending()
{
    for (LayerRow *row : m_rows) {
        if (m_reveal.empty() || row->layerId() != m_reveal)
            continue;
        for (QWidget *up = row->parentWidget(); up; up = up->parentWidget()) {
            if (auto *scroll = qobject_cast<QScrollArea *>(up)) {
                m_tabs->setCurrentWidget(scroll);
                // Until the page's layout has run in full its rows sit at a new widget's default
                // geometry or squeeze into the viewport: wait for a resize that gives the page
                // room for every row.
                const QWidget *page = scroll->widget();
                if (!row->testAttribute(Qt::WA_Resized)
                    || page->height() < page->minimumSizeHint().height())
                    return;
                // The row at the top, so the injected band shows, not just its first row.
                scroll->verticalScrollBar()->setValue(row->mapTo(page, QPoint(0, 0)).y());
                m_reveal.clear();
                return;
            }
        }
    }
}

bool InjectionPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && !m_reveal.empty())
        QMetaObject::invokeMethod(this, &InjectionPanel::revealPending, Qt::QueuedConnection);
    return QWidget::eventFilter(watched, event);
}

std::vector<std::string> InjectionPanel::selectedLayers() const
{
    std::vector<std::string> ids;
    for (const std::string &id : m_layers) {
        if (m_selected.count(id))
            ids.push_back(id);
    }
    return ids;
}

void InjectionPanel::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

} // namespace mbq
