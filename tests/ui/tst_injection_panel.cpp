// The injection panel bound to a ProjectDocument: every control edits the document as exactly
// one undo step (a slider drag included), mute and solo round-trip through undo, band
// selection and presets work, and refreshing from the document pushes nothing.

#include "core/project/preset_library.h"
#include "core/project/project_document.h"
#include "core/project/render_request.h"
#include "ui/i18n/language.h"
#include "ui/injection/injection_panel.h"
#include "ui/injection/layer_groups.h"
#include "ui/injection/step_range_scrubber.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QSlider>
#include <QSpinBox>
#include <QStyleOptionSlider>
#include <QTabWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

using namespace mbq;

namespace {

std::vector<std::string> wanLayers()
{
    std::vector<std::string> ids;
    for (int i = 0; i < 30; ++i)
        ids.push_back("block." + std::to_string(i));
    return ids;
}

std::vector<std::string> blocks(int first, int last)
{
    std::vector<std::string> ids;
    for (int i = first; i <= last; ++i)
        ids.push_back("block." + std::to_string(i));
    return ids;
}

const std::vector<std::string> kUNetLayers
    = {"down.1.0.spatial", "down.1.0.temporal", "down.1.1.spatial", "down.1.1.temporal",
       "mid.0.spatial",    "mid.0.temporal",    "up.3.2.spatial",   "up.3.2.temporal"};

// Where the slider's handle is drawn when the slider is at `position`, from the style itself.
QPoint handleCenter(const QSlider *slider, int position)
{
    QStyleOptionSlider option;
    option.initFrom(slider);
    option.orientation = slider->orientation();
    option.minimum = slider->minimum();
    option.maximum = slider->maximum();
    option.sliderPosition = position;
    option.sliderValue = position;
    option.singleStep = slider->singleStep();
    option.pageStep = slider->pageStep();
    option.upsideDown = option.direction == Qt::RightToLeft;
    option.subControls = QStyle::SC_SliderGroove | QStyle::SC_SliderHandle;
    return slider->style()
        ->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, slider)
        .center();
}

void check(const Result<void> &result)
{
    if (!result.ok())
        qFatal("edit refused: %s", result.error().message.c_str());
}

} // namespace

class TestInjectionPanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void rowsFollowTheModel();
    void unetLayersAreGroupedByKindAndLevel();
    void sliderDragIsOneUndoStep();
    void spinBoxEditsTheWeight();
    void bandSelectsExactlyThoseLayers();
    void invalidBandShowsAnInlineError();
    void tickingRowsWritesTheBand();
    void muteRoundTripsThroughUndo();
    void muteIsItsOwnUndoStepAfterADrag();
    void soloRoundTripsThroughUndo();
    void soloMovesAndUnsoloRestoresTheFirstMix();
    void presetAppliesRescaledAndUndoes();
    void presetsAreStartingPointsForTheFamily();
    void presetButtonLeavesRoomForItsArrow_data();
    void presetButtonLeavesRoomForItsArrow();
    void anOpenedProjectShowsWhichLayersInject();
    void anOpenedProjectScrollsToItsInjectedRows();
    void rescalingKeepsTheShareOfSteps();
    void modeAndExtraction();
    void sourceSeedIsForLockstepOnly();
    void refreshingPushesNothing();
    void newProjectForgetsMutedWeights();
    void paintsInLightAndDarkPalettes();

private:
    QWidget *row(const std::string &id) const
    {
        auto *row = m_panel->findChild<QWidget *>(
            QStringLiteral("layerRow:%1").arg(QString::fromStdString(id)));
        if (!row)
            qFatal("no row for %s", id.c_str());
        return row;
    }
    template<class T> T *rowChild(const std::string &id, const char *name) const
    {
        T *child = row(id)->findChild<T *>(name);
        if (!child)
            qFatal("no %s in the row of %s", name, id.c_str());
        return child;
    }
    template<class T> T *child(const char *name) const
    {
        T *found = m_panel->findChild<T *>(name);
        if (!found)
            qFatal("no %s in the panel", name);
        return found;
    }
    float weight(const std::string &id) const { return schedule().weightOf(id); }
    const InjectionSchedule &schedule() const { return m_document->data().parameters.schedule; }
    int undoCount() const { return m_document->undoStack()->count(); }
    QUndoStack *undo() const { return m_document->undoStack(); }
    void setWeights(const std::vector<std::pair<std::string, float>> &weights)
    {
        InjectionSchedule s = schedule();
        s.layers.clear();
        for (const auto &[id, w] : weights)
            s.layers.push_back({id, w, {}});
        check(m_document->setSchedule(s));
    }
    void typeBand(const QString &text)
    {
        auto *edit = child<QLineEdit>("layerSelectionEdit");
        edit->clear();
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
    }

    std::unique_ptr<ProjectDocument> m_document;
    std::unique_ptr<InjectionPanel> m_panel;
};

void TestInjectionPanel::init()
{
    m_document.reset(new ProjectDocument);
    m_panel.reset(new InjectionPanel(m_document.get()));
    m_panel->setLayers(wanLayers(), QStringLiteral("wan2.1"));
    m_panel->resize(460, 900);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestInjectionPanel::cleanup()
{
    m_panel.reset();
    m_document.reset();
}

void TestInjectionPanel::rowsFollowTheModel()
{
    QCOMPARE(m_panel->layers(), wanLayers());
    for (const std::string &id : wanLayers()) {
        QCOMPARE(rowChild<QCheckBox>(id, "layerSelectCheck")->text(), QString::fromStdString(id));
        QVERIFY(rowChild<QSlider>(id, "weightSlider"));
        QCOMPARE(rowChild<QDoubleSpinBox>(id, "weightSpin")->decimals(), 2);
        QVERIFY(rowChild<QToolButton>(id, "muteButton")->isCheckable());
        QVERIFY(rowChild<QToolButton>(id, "soloButton")->isCheckable());
    }
    auto *tabs = child<QTabWidget>("layerTabs");
    QCOMPARE(tabs->count(), 1);
    QVERIFY(!tabs->tabBar()->isVisible()); // one plain list: no tab to pick
    QVERIFY(tabs->findChildren<QGroupBox *>().isEmpty());

    // Another model replaces the rows.
    m_panel->setLayers(blocks(0, 2), QStringLiteral("wan2.1"));
    QCOMPARE(m_panel->findChildren<QSlider *>("weightSlider").size(), 3);
    QVERIFY(!m_panel->findChild<QWidget *>("layerRow:block.20"));
}

void TestInjectionPanel::unetLayersAreGroupedByKindAndLevel()
{
    const std::vector<LayerGroup> groups = groupLayers(kUNetLayers);
    QCOMPARE(groups.size(), size_t(6));
    QCOMPARE(groups[0].tab, QString("Spatial"));
    QCOMPARE(groups[0].title, QString("Down 1"));
    QCOMPARE(groups[0].ids, (std::vector<std::string> {"down.1.0.spatial", "down.1.1.spatial"}));
    QCOMPARE(groups[1].tab, QString("Temporal"));
    QCOMPARE(groups[2].title, QString("Middle"));
    QCOMPARE(groups[4].title, QString("Up 3"));
    QCOMPARE(layerLabel("up.3.2.temporal"), QString("up.3.2"));
    QCOMPARE(groupLayers(wanLayers()).size(), size_t(1));
    QVERIFY(groupLayers(wanLayers())[0].title.isEmpty());

    m_panel->setLayers(kUNetLayers, QStringLiteral("videocrafter2"));
    auto *tabs = child<QTabWidget>("layerTabs");
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->tabText(0), QString("Spatial"));
    QCOMPARE(tabs->tabText(1), QString("Temporal"));
    QStringList titles;
    for (const QGroupBox *box : tabs->widget(0)->findChildren<QGroupBox *>())
        titles << box->title();
    QCOMPARE(titles, QStringList({"Down 1", "Middle", "Up 3"}));
    QCOMPARE(rowChild<QCheckBox>("mid.0.temporal", "layerSelectCheck")->text(), QString("mid.0"));
    QVERIFY(tabs->widget(1)->findChild<QWidget *>("layerRow:mid.0.temporal"));
    QVERIFY(!tabs->widget(0)->findChild<QWidget *>("layerRow:mid.0.temporal"));

    // Numbers are positions in the model's list here too.
    typeBand("4-5");
    QCOMPARE(m_panel->selectedLayers(),
             (std::vector<std::string> {"mid.0.spatial", "mid.0.temporal"}));
}

void TestInjectionPanel::sliderDragIsOneUndoStep()
{
    auto *slider = rowChild<QSlider>("block.20", "weightSlider");
    const int before = undoCount();
    QTest::mousePress(slider, Qt::LeftButton, {}, handleCenter(slider, 0));
    for (int position = 5; position <= 80; position += 5)
        QTest::mouseMove(slider, handleCenter(slider, position));
    QTest::mouseRelease(slider, Qt::LeftButton, {}, handleCenter(slider, 80));
    QVERIFY2(slider->value() > 60, qPrintable(QString::number(slider->value())));
    QCOMPARE(weight("block.20"), slider->value() / 100.0f);
    QCOMPARE(rowChild<QDoubleSpinBox>("block.20", "weightSpin")->value(), slider->value() / 100.0);
    QCOMPARE(undoCount(), before + 1);

    undo()->undo();
    QCOMPARE(weight("block.20"), 0.0f);
    QCOMPARE(slider->value(), 0);
    QCOMPARE(rowChild<QDoubleSpinBox>("block.20", "weightSpin")->value(), 0.0);
    undo()->redo();
    QCOMPARE(weight("block.20"), slider->value() / 100.0f);

    // Another layer's drag is another step.
    auto *other = rowChild<QSlider>("block.21", "weightSlider");
    QTest::mousePress(other, Qt::LeftButton, {}, handleCenter(other, 0));
    QTest::mouseMove(other, handleCenter(other, 30));
    QTest::mouseMove(other, handleCenter(other, 50));
    QTest::mouseRelease(other, Qt::LeftButton, {}, handleCenter(other, 50));
    QVERIFY(weight("block.21") > 0.3f);
    QCOMPARE(undoCount(), before + 2);

    // The same slider dragged again is a step of its own, named by where it ended.
    const float first = weight("block.21");
    QTest::mousePress(other, Qt::LeftButton, {}, handleCenter(other, 50));
    QTest::mouseMove(other, handleCenter(other, 70));
    QTest::mouseRelease(other, Qt::LeftButton, {}, handleCenter(other, 70));
    QCOMPARE(undoCount(), before + 3);
    QCOMPARE(undo()->undoText(),
             QString("Set weight of block.21 to %1").arg(double(weight("block.21")), 0, 'f', 2));
    undo()->undo();
    QCOMPARE(weight("block.21"), first);
}

void TestInjectionPanel::spinBoxEditsTheWeight()
{
    auto *spin = rowChild<QDoubleSpinBox>("block.7", "weightSpin");
    spin->selectAll();
    QTest::keyClicks(spin, "0.35");
    QCOMPARE(weight("block.7"), 0.0f); // keyboard tracking off: nothing until Enter
    QTest::keyClick(spin, Qt::Key_Return);
    QCOMPARE(weight("block.7"), 0.35f);
    QCOMPARE(rowChild<QSlider>("block.7", "weightSlider")->value(), 35);
    QCOMPARE(undoCount(), 1);
}

void TestInjectionPanel::bandSelectsExactlyThoseLayers()
{
    setWeights({{"block.5", 0.3f}, {"block.22", 1.0f}});
    typeBand("20-29");
    QCOMPARE(m_panel->selectedLayers(), blocks(20, 29));
    const std::vector<std::string> band = blocks(20, 29);
    for (const std::string &id : wanLayers()) {
        const bool inBand = std::find(band.begin(), band.end(), id) != band.end();
        QCOMPARE(rowChild<QCheckBox>(id, "layerSelectCheck")->isChecked(), inBand);
    }
    QVERIFY(!child<QLabel>("layerSelectionError")->isVisible());

    const int before = undoCount();
    child<QDoubleSpinBox>("selectionWeightSpin")->setValue(0.6);
    QTest::mouseClick(child<QPushButton>("applySelectionButton"), Qt::LeftButton);
    QCOMPARE(undoCount(), before + 1);
    for (const std::string &id : blocks(20, 29))
        QCOMPARE(weight(id), 0.6f);
    QCOMPARE(weight("block.5"), 0.3f);
    QCOMPARE(weight("block.19"), 0.0f);
    QCOMPARE(rowChild<QSlider>("block.25", "weightSlider")->value(), 60);
    QCOMPARE(undo()->undoText(), QString("Set layers 20–29 to 0.60"));

    undo()->undo();
    QCOMPARE(weight("block.22"), 1.0f);
    QCOMPARE(weight("block.20"), 0.0f);
    QCOMPARE(weight("block.5"), 0.3f);

    // A compact form of what was understood replaces the typed text.
    typeBand("3, 1,2");
    QCOMPARE(child<QLineEdit>("layerSelectionEdit")->text(), QString("1-3"));
    QCOMPARE(m_panel->selectedLayers(), blocks(1, 3));
}

void TestInjectionPanel::invalidBandShowsAnInlineError()
{
    typeBand("20-29");
    auto *error = child<QLabel>("layerSelectionError");
    for (const QString &text : {QString("20-35"), QString("block.99"), QString("29-20"),
                                QString("abc,,--"), QString("-")}) {
        typeBand(text);
        QVERIFY2(error->isVisible() && !error->text().isEmpty(), qPrintable(text));
        QCOMPARE(m_panel->selectedLayers(), blocks(20, 29)); // the last good selection stays
    }
    typeBand("20-35");
    QVERIFY2(error->text().contains("35"), qPrintable(error->text()));

    // "Set" with a bad band typed reports it and edits nothing.
    QTest::mouseClick(child<QPushButton>("applySelectionButton"), Qt::LeftButton);
    QCOMPARE(undoCount(), 0);
    QVERIFY(error->isVisible());

    // Editing the text clears the error; a good band selects.
    typeBand("0");
    QVERIFY(!error->isVisible());
    QCOMPARE(m_panel->selectedLayers(), blocks(0, 0));

    // Nothing selected: "Set" asks for a selection.
    typeBand("");
    QTest::mouseClick(child<QPushButton>("applySelectionButton"), Qt::LeftButton);
    QVERIFY(error->isVisible());
    QCOMPARE(undoCount(), 0);
}

void TestInjectionPanel::tickingRowsWritesTheBand()
{
    QTest::mouseClick(rowChild<QCheckBox>("block.4", "layerSelectCheck"), Qt::LeftButton);
    QTest::mouseClick(rowChild<QCheckBox>("block.3", "layerSelectCheck"), Qt::LeftButton);
    QTest::mouseClick(rowChild<QCheckBox>("block.9", "layerSelectCheck"), Qt::LeftButton);
    QCOMPARE(child<QLineEdit>("layerSelectionEdit")->text(), QString("3-4,9"));
    QTest::mouseClick(rowChild<QCheckBox>("block.9", "layerSelectCheck"), Qt::LeftButton);
    QCOMPARE(child<QLineEdit>("layerSelectionEdit")->text(), QString("3-4"));
    QCOMPARE(m_panel->selectedLayers(), blocks(3, 4));

    // "Set" applies to the ticked rows.
    child<QDoubleSpinBox>("selectionWeightSpin")->setValue(0.25);
    QTest::mouseClick(child<QPushButton>("applySelectionButton"), Qt::LeftButton);
    QCOMPARE(weight("block.3"), 0.25f);
    QCOMPARE(weight("block.4"), 0.25f);
    QCOMPARE(weight("block.9"), 0.0f);
}

void TestInjectionPanel::muteRoundTripsThroughUndo()
{
    setWeights({{"block.20", 0.7f}, {"block.21", 1.0f}});
    auto *mute = rowChild<QToolButton>("block.20", "muteButton");
    QVERIFY(!mute->isChecked());
    QVERIFY(!rowChild<QToolButton>("block.3", "muteButton")->isChecked()); // off, not muted
    const int before = undoCount();

    QTest::mouseClick(mute, Qt::LeftButton);
    QCOMPARE(weight("block.20"), 0.0f);
    QCOMPARE(weight("block.21"), 1.0f);
    QVERIFY(mute->isChecked());
    QCOMPARE(rowChild<QSlider>("block.20", "weightSlider")->value(), 0);
    QCOMPARE(undoCount(), before + 1);
    QCOMPARE(undo()->undoText(), QString("Mute block.20"));

    QTest::mouseClick(mute, Qt::LeftButton); // unmute restores the weight it had
    QCOMPARE(weight("block.20"), 0.7f);
    QVERIFY(!mute->isChecked());
    QCOMPARE(undoCount(), before + 2);

    undo()->undo(); // back to muted
    QCOMPARE(weight("block.20"), 0.0f);
    QVERIFY(mute->isChecked());
    undo()->undo(); // back to audible
    QCOMPARE(weight("block.20"), 0.7f);
    QVERIFY(!mute->isChecked());
    undo()->redo();
    QVERIFY(mute->isChecked());
    QTest::mouseClick(mute, Qt::LeftButton); // unmuting after redo still knows the weight
    QCOMPARE(weight("block.20"), 0.7f);

    // A layer that was never on has nothing to mute or restore.
    auto *offMute = rowChild<QToolButton>("block.3", "muteButton");
    QVERIFY(!offMute->isEnabled());
    QTest::mouseClick(offMute, Qt::LeftButton);
    QCOMPARE(weight("block.3"), 0.0f);
    QVERIFY(!offMute->isChecked());
}

void TestInjectionPanel::muteIsItsOwnUndoStepAfterADrag()
{
    check(m_document->setLayerWeight("block.20", 0.5f)); // as a slider drag would
    const int before = undoCount();
    QTest::mouseClick(rowChild<QToolButton>("block.20", "muteButton"), Qt::LeftButton);
    QCOMPARE(undoCount(), before + 1); // not merged into the drag
    undo()->undo();
    QCOMPARE(weight("block.20"), 0.5f);
}

void TestInjectionPanel::soloRoundTripsThroughUndo()
{
    std::vector<std::pair<std::string, float>> mix = {{"block.5", 0.4f}};
    for (const std::string &id : blocks(20, 29))
        mix.push_back({id, 1.0f});
    setWeights(mix);
    const InjectionSchedule original = schedule();
    auto *solo = rowChild<QToolButton>("block.22", "soloButton");
    const int before = undoCount();

    QTest::mouseClick(solo, Qt::LeftButton);
    QCOMPARE(undoCount(), before + 1);
    QCOMPARE(undo()->undoText(), QString("Solo block.22"));
    for (const LayerInjection &layer : schedule().layers)
        QCOMPARE(layer.weight, layer.layer == "block.22" ? 1.0f : 0.0f);
    QVERIFY(solo->isChecked());
    QVERIFY(!rowChild<QToolButton>("block.23", "soloButton")->isChecked());
    QVERIFY(!rowChild<QToolButton>("block.22", "muteButton")->isChecked());

    // Tweaking the soloed layer, then un-soloing: the others come back, the tweak stays.
    check(m_document->setLayerWeight("block.22", 0.8f));
    QVERIFY(solo->isChecked());
    QTest::mouseClick(solo, Qt::LeftButton);
    QVERIFY(!solo->isChecked());
    QCOMPARE(weight("block.5"), 0.4f);
    QCOMPARE(weight("block.29"), 1.0f);
    QCOMPARE(weight("block.22"), 0.8f);

    undo()->undo(); // soloed again, and the toggle says so
    QCOMPARE(weight("block.5"), 0.0f);
    QVERIFY(solo->isChecked());
    undo()->undo();
    undo()->undo(); // before the solo
    QCOMPARE(schedule(), original);
    QVERIFY(!solo->isChecked());
    undo()->redo();
    QVERIFY(solo->isChecked());
    QTest::mouseClick(solo, Qt::LeftButton);
    QCOMPARE(schedule(), original);
}

void TestInjectionPanel::soloMovesAndUnsoloRestoresTheFirstMix()
{
    setWeights({{"block.20", 1.0f}, {"block.21", 0.5f}, {"block.25", 0.75f}});
    const InjectionSchedule original = schedule();
    QTest::mouseClick(rowChild<QToolButton>("block.20", "soloButton"), Qt::LeftButton);
    auto *solo25 = rowChild<QToolButton>("block.25", "soloButton");
    QTest::mouseClick(solo25, Qt::LeftButton);
    QCOMPARE(weight("block.20"), 0.0f);
    QCOMPARE(weight("block.25"), 0.75f); // soloed at its own weight
    QVERIFY(solo25->isChecked());
    QVERIFY(!rowChild<QToolButton>("block.20", "soloButton")->isChecked());
    QTest::mouseClick(solo25, Qt::LeftButton);
    QCOMPARE(schedule(), original);

    // Raising another layer ends the solo.
    QTest::mouseClick(solo25, Qt::LeftButton);
    check(m_document->setLayerWeight("block.3", 0.5f));
    QVERIFY(!solo25->isChecked());

    // Soloing a layer that is off turns it on at full strength.
    auto *solo9 = rowChild<QToolButton>("block.9", "soloButton");
    QTest::mouseClick(solo9, Qt::LeftButton);
    QCOMPARE(weight("block.9"), 1.0f);
    QCOMPARE(weight("block.3"), 0.0f);
    QVERIFY(solo9->isChecked());
}

void TestInjectionPanel::presetAppliesRescaledAndUndoes()
{
    GenerationSettings settings = m_document->data().parameters.settings;
    settings.steps = 25;
    check(m_document->setSettings(settings));
    setWeights({{"block.3", 0.5f}});
    const InjectionSchedule before = schedule();
    const int count = undoCount();

    auto *button = child<QPushButton>("presetButton");
    QAction *paper = button->menu()->findChild<QAction *>("preset:wan21_paper");
    QVERIFY(paper);
    paper->trigger();
    QCOMPARE(undoCount(), count + 1);
    const InjectionSchedule &s = schedule();
    std::vector<std::string> active;
    for (const LayerInjection &layer : s.layers) {
        if (layer.weight > 0)
            active.push_back(layer.layer);
    }
    QCOMPARE(active, blocks(20, 29));
    QCOMPARE(s.stepBegin, 0);
    QCOMPARE(s.stepEnd, 15); // 29 of 50 steps is 14.5 of 25, rounded
    QCOMPARE(s.extraction, ExtractionMode::Single);
    QCOMPARE(s.extractionTimestep, 200.0f);
    QCOMPARE(rowChild<QSlider>("block.24", "weightSlider")->value(), 100);
    QCOMPARE(child<StepRangeScrubber>("stepScrubber")->end(), 15);
    QCOMPARE(child<QSpinBox>("extractionTimestepSpin")->value(), 200);

    undo()->undo();
    QCOMPARE(schedule(), before);
    QCOMPARE(rowChild<QSlider>("block.24", "weightSlider")->value(), 0);
    QCOMPARE(rowChild<QSlider>("block.3", "weightSlider")->value(), 50);
}

void TestInjectionPanel::presetsAreStartingPointsForTheFamily()
{
    const PresetLibrary all = compiledPresets();
    QVERIFY2(all.errors.empty(), all.errors.empty() ? "" : all.errors.front().message.c_str());
    QVERIFY(!all.presets.empty());
    const PresetLibrary wan = compiledPresets("wan2.1");
    QVERIFY(!wan.presets.empty());
    for (const InjectionPreset &preset : wan.presets)
        QCOMPARE(preset.family, std::string("wan2.1"));
    QVERIFY(compiledPresets("no-such-family").presets.empty());

    QMenu *menu = child<QPushButton>("presetButton")->menu();
    QVERIFY(menu->toolTipsVisible());
    QStringList labels;
    for (const QAction *action : menu->actions()) {
        if (action->isSeparator()) {
            QCOMPARE(action->text(), QString("Starting points"));
            continue;
        }
        labels << action->text();
        const auto it = std::find_if(wan.presets.begin(), wan.presets.end(), [&](auto &p) {
            return QString::fromStdString(p.label) == action->text();
        });
        QVERIFY(it != wan.presets.end());
        QCOMPARE(action->toolTip(), QString::fromStdString(it->notes));
    }
    QCOMPARE(labels.size(), int(wan.presets.size()));

    // Another family gets its own presets, and one without any says so instead of offering
    // Wan's.
    m_panel->setLayers(kUNetLayers, QStringLiteral("videocrafter2"));
    QStringList otherLabels;
    for (const QAction *action : menu->actions()) {
        if (!action->isSeparator())
            otherLabels << action->text();
    }
    QStringList expected;
    for (const InjectionPreset &preset : compiledPresets("videocrafter2").presets)
        expected << QString::fromStdString(preset.label);
    if (expected.isEmpty())
        expected << QStringLiteral("No presets for this model");
    QCOMPARE(otherLabels, expected);
    m_panel->setLayers(kUNetLayers, QStringLiteral("no-such-family"));
    const QList<QAction *> actions = menu->actions();
    QCOMPARE(actions.size(), 2);
    QCOMPARE(actions[1]->text(), QString("No presets for this model"));
    QVERIFY(!actions[1]->isEnabled());
}

void TestInjectionPanel::presetButtonLeavesRoomForItsArrow_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << "en";
    QTest::newRow("German") << "de";
    QTest::newRow("Japanese") << "ja";
}

void TestInjectionPanel::presetButtonLeavesRoomForItsArrow()
{
    QFETCH(QString, language);
    QVERIFY(installLanguage(qApp, language));
    const auto english = qScopeGuard([] { installLanguage(qApp, QStringLiteral("en")); });
    ProjectDocument document;
    InjectionPanel panel(&document);
    panel.setLayers(wanLayers(), QStringLiteral("wan2.1"));
    panel.resize(420, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *button = panel.findChild<QAbstractButton *>(QStringLiteral("presetButton"));
    QVERIFY(button);
    // Where the text's ink and the menu arrow's ink are: drawn with and without each, at the
    // button's size (a push or tool button alike, so the check reads the same for either).
    const auto setMenu = [button](QMenu *m) {
        if (auto *push = qobject_cast<QPushButton *>(button))
            push->setMenu(m);
        else if (auto *tool = qobject_cast<QToolButton *>(button))
            tool->setMenu(m);
    };
    button->setFixedSize(button->size());
    const QString text = button->text();
    const QImage full = button->grab().toImage();
    button->setText(QString());
    const QImage arrowOnly = button->grab().toImage();
    setMenu(nullptr);
    const QImage bare = button->grab().toImage();
    const auto columns = [](const QImage &a, const QImage &b) {
        int first = a.width(), last = -1;
        for (int y = 0; y < a.height(); ++y) {
            for (int x = 0; x < a.width(); ++x) {
                if (a.pixel(x, y) != b.pixel(x, y)) {
                    first = std::min(first, x);
                    last = std::max(last, x);
                }
            }
        }
        return std::pair(first, last);
    };
    const auto [textFirst, textLast] = columns(full, arrowOnly);
    const auto [arrowFirst, arrowLast] = columns(arrowOnly, bare);
    QVERIFY(textLast >= 0 && arrowLast >= 0);
    // The text ends before the arrow begins, with a gap between them.
    QVERIFY2(textLast + 2 < arrowFirst,
             qPrintable(QStringLiteral("%1: text to x=%2, arrow from x=%3")
                                .arg(text)
                                .arg(textLast)
                                .arg(arrowFirst)));
}

void TestInjectionPanel::anOpenedProjectShowsWhichLayersInject()
{
    // A project injecting 20-29 at 0.8 opens (then its model loads): the band field, the
    // weight and a line above the rows say so, whichever rows the list is scrolled to.
    ProjectData data;
    for (const std::string &id : blocks(20, 29))
        data.parameters.schedule.layers.push_back({id, 0.8f, {}});
    data.parameters.schedule.stepEnd = 25;
    m_document->newProject(data);
    const auto check = [this] {
        QCOMPARE(child<QLineEdit>("layerSelectionEdit")->text(), QString("20-29"));
        QCOMPARE(child<QDoubleSpinBox>("selectionWeightSpin")->value(), 0.8);
        QCOMPARE(m_panel->selectedLayers(), blocks(20, 29));
        const QString injected = child<QLabel>("injectedLayersLabel")->text();
        QVERIFY2(injected.contains(QString::fromUtf8("block.20–block.29 at 0.80")),
                 qPrintable(injected));
    };
    check();
    m_panel->setLayers(wanLayers(), QStringLiteral("wan2.1"));
    check();

    // A project that injects nothing leaves nothing selected, and says so.
    m_document->newProject(ProjectData());
    QCOMPARE(child<QLineEdit>("layerSelectionEdit")->text(), QString());
    QVERIFY(child<QLabel>("injectedLayersLabel")->text().endsWith(QStringLiteral("off")));
}

void TestInjectionPanel::anOpenedProjectScrollsToItsInjectedRows()
{
    // At the height the dock has at 1440x900 only a few rows show: an opened project injecting
    // 20-29 brings block.20 into view instead of leaving block.0-3 on screen.
    m_panel->resize(460, 560);
    ProjectData data;
    for (const std::string &id : blocks(20, 29))
        data.parameters.schedule.layers.push_back({id, 1.0f, {}});
    data.parameters.schedule.stepEnd = 25;
    m_document->newProject(data);
    QTRY_VERIFY(!row("block.20")->visibleRegion().isEmpty());
    QVERIFY(row("block.0")->visibleRegion().isEmpty());

    // The model loads after the project (the studio's order): the rows are rebuilt, and the
    // injected band comes into view once their page is laid out, first row at the top.
    m_panel->setLayers(wanLayers(), QStringLiteral("wan2.1"));
    const auto whole = [this](const char *id) {
        return row(id)->visibleRegion().boundingRect().height() == row(id)->height();
    };
    QTRY_VERIFY(whole("block.20") && row("block.0")->visibleRegion().isEmpty());
}

void TestInjectionPanel::rescalingKeepsTheShareOfSteps()
{
    InjectionPreset preset;
    preset.steps = 50;
    preset.schedule.stepBegin = 10;
    preset.schedule.stepEnd = 29;
    auto range = [](const InjectionSchedule &s) { return std::pair(s.stepBegin, s.stepEnd); };
    QCOMPARE(range(rescaledSchedule(preset, 50)), std::pair(10, 29));
    QCOMPARE(range(rescaledSchedule(preset, 100)), std::pair(20, 58));
    QCOMPARE(range(rescaledSchedule(preset, 20)), std::pair(4, 12)); // 11.6 rounds up
    // One step of 50 is still one step of 10, at either end.
    preset.schedule.stepBegin = 40;
    preset.schedule.stepEnd = 41;
    QCOMPARE(range(rescaledSchedule(preset, 10)), std::pair(8, 9));
    preset.schedule.stepBegin = 49;
    preset.schedule.stepEnd = 50;
    QCOMPARE(range(rescaledSchedule(preset, 10)), std::pair(9, 10));
    // An empty range stays empty.
    preset.schedule.stepBegin = preset.schedule.stepEnd = 0;
    QCOMPARE(range(rescaledSchedule(preset, 10)), std::pair(0, 0));
}

void TestInjectionPanel::modeAndExtraction()
{
    auto *blend = child<QRadioButton>("blendRadio");
    auto *replace = child<QRadioButton>("replaceRadio");
    QVERIFY(replace->isChecked());
    QTest::mouseClick(blend, Qt::LeftButton);
    QCOMPARE(schedule().mode, InjectionMode::Blend);
    undo()->undo();
    QCOMPARE(schedule().mode, InjectionMode::Replace);
    QVERIFY(replace->isChecked() && !blend->isChecked());

    auto *combo = child<QComboBox>("extractionCombo");
    auto *timestep = child<QSpinBox>("extractionTimestepSpin");
    QVERIFY(timestep->isEnabled()); // a new project extracts in a single pass
    timestep->selectAll();
    QTest::keyClicks(timestep, "350");
    QTest::keyClick(timestep, Qt::Key_Return);
    QCOMPARE(schedule().extractionTimestep, 350.0f);
    const int perStep = combo->findData(int(ExtractionMode::PerStep));
    combo->setCurrentIndex(perStep);
    emit combo->activated(perStep); // what a user's choice sends
    QCOMPARE(schedule().extraction, ExtractionMode::PerStep);
    QVERIFY(!timestep->isEnabled());
    undo()->undo(); // the extraction edits merged into one step
    QCOMPARE(schedule().extraction, ExtractionMode::Single);
    QCOMPARE(schedule().extractionTimestep, 0.0f);
    QCOMPARE(combo->currentData().toInt(), int(ExtractionMode::Single));
    QCOMPARE(timestep->value(), 0);
}

void TestInjectionPanel::sourceSeedIsForLockstepOnly()
{
    auto *combo = child<QComboBox>("extractionCombo");
    auto *seed = child<QLineEdit>("sourceSeedEdit");
    const auto choose = [&](ExtractionMode mode) {
        const int index = combo->findData(int(mode));
        combo->setCurrentIndex(index);
        emit combo->activated(index);
    };
    const auto requested = [&] { return renderRequestFor(m_document->data().parameters).sourceSeed; };
    QVERIFY(!seed->isVisible()); // a new project extracts in a single pass
    choose(ExtractionMode::Lockstep);
    QVERIFY(seed->isVisible());
    QVERIFY(seed->text().isEmpty()); // none: the clip is inverted
    QVERIFY(!requested());

    // A seed above 2^53 survives the field, the document and the request exactly.
    const quint64 big = (quint64(1) << 60) + 3;
    QTest::keyClicks(seed, QString::number(big));
    QTest::keyClick(seed, Qt::Key_Return);
    QCOMPARE(m_document->data().parameters.sourceSeed, std::optional<uint64_t>(big));
    QCOMPARE(requested(), std::optional<uint64_t>(big));
    QTest::keyClicks(seed, "x-"); // the validator keeps it a number
    QCOMPARE(seed->text(), QString::number(big));
    seed->setText(QStringLiteral("1844674407370955161"));
    QTest::keyClick(seed, Qt::Key_6); // 2^64, one past the largest seed: refused
    QCOMPARE(seed->text(), QStringLiteral("1844674407370955161"));
    QTest::keyClick(seed, Qt::Key_5); // 2^64 − 1 fits
    QCOMPARE(seed->text(), QStringLiteral("18446744073709551615"));

    // Emptied by hand: no seed, the clip is inverted.
    seed->selectAll();
    QTest::keyClick(seed, Qt::Key_Backspace);
    QTest::keyClick(seed, Qt::Key_Return);
    QVERIFY(!m_document->data().parameters.sourceSeed);
    undo()->undo();
    QCOMPARE(m_document->data().parameters.sourceSeed, std::optional<uint64_t>(big));
    QCOMPARE(seed->text(), QString::number(big));

    // Another extraction hides it and keeps it out of the request, but remembers it.
    choose(ExtractionMode::PerStep);
    QVERIFY(!seed->isVisible());
    QVERIFY(!requested());
    choose(ExtractionMode::Lockstep);
    QCOMPARE(requested(), std::optional<uint64_t>(big));
}

void TestInjectionPanel::refreshingPushesNothing()
{
    InjectionSchedule s;
    s.layers = {{"block.20", 0.33f, {}}, {"block.21", 1.0f, {}}};
    s.stepBegin = 3;
    s.stepEnd = 40;
    s.mode = InjectionMode::Blend;
    s.extraction = ExtractionMode::Lockstep;
    s.extractionTimestep = 500.0f;
    check(m_document->setSchedule(s));
    QCOMPARE(undoCount(), 1);
    QCOMPARE(rowChild<QSlider>("block.20", "weightSlider")->value(), 33);
    QCOMPARE(rowChild<QDoubleSpinBox>("block.20", "weightSpin")->value(), 0.33);
    QVERIFY(child<QRadioButton>("blendRadio")->isChecked());
    QCOMPARE(child<QComboBox>("extractionCombo")->currentData().toInt(),
             int(ExtractionMode::Lockstep));
    auto *scrubber = child<StepRangeScrubber>("stepScrubber");
    QCOMPARE(std::pair(scrubber->begin(), scrubber->end()), std::pair(3, 40));
    QCOMPARE(schedule(), s); // 0.33 shown as 33/100 was not written back rounded

    GenerationSettings settings = m_document->data().parameters.settings;
    settings.steps = 30;
    check(m_document->setSettings(settings));
    QCOMPARE(scrubber->steps(), 30);
    undo()->undo();
    QCOMPARE(scrubber->steps(), 50);
    QCOMPARE(undoCount(), 2);
    QCOMPARE(schedule(), s);
}

void TestInjectionPanel::newProjectForgetsMutedWeights()
{
    setWeights({{"block.20", 0.7f}});
    QTest::mouseClick(rowChild<QToolButton>("block.20", "muteButton"), Qt::LeftButton);
    QVERIFY(rowChild<QToolButton>("block.20", "muteButton")->isChecked());
    m_document->newProject();
    QVERIFY(!rowChild<QToolButton>("block.20", "muteButton")->isChecked());
    QCOMPARE(undoCount(), 0);
}

void TestInjectionPanel::paintsInLightAndDarkPalettes()
{
    setWeights({{"block.20", 1.0f}, {"block.21", 0.5f}});
    check(m_document->setStepRange(0, 29));
    typeBand("20-22");
    m_panel->setResumeStep(12);
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(37, 37, 38));
    dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    dark.setColor(QPalette::Button, QColor(50, 50, 52));
    dark.setColor(QPalette::ButtonText, QColor(230, 230, 230));
    dark.setColor(QPalette::Highlight, QColor(38, 110, 200));
    for (const QPalette &palette : {QApplication::palette(), dark}) {
        m_panel->setPalette(palette);
        const QImage image = m_panel->grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= m_panel->width());
    }
}

QTEST_MAIN(TestInjectionPanel)
#include "tst_injection_panel.moc"
