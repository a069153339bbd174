#pragma once
// Sweep: a grid of renders over the layer weight and the end of the step range, to map identity
// leak against motion fidelity on the trade-off plot cell by cell.

#include "core/project/project_data.h"
#include "core/render/take_runner.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace mbq {

class SweepDialog : public QDialog
{
    Q_OBJECT

public:
    SweepDialog(const RenderParameters &current, QWidget *parent = nullptr);

    std::vector<SweepCell> cells() const; // empty while a list is invalid

    // "0.25, 0.5, 1" -> values; false (and `error` set) for anything else.
    static bool parseWeights(const QString &text, std::vector<float> *out, QString *error);
    static bool parseSteps(const QString &text, int steps, std::vector<int> *out, QString *error);

private:
    void validate();

    int m_steps;
    QLineEdit *m_weights;
    QLineEdit *m_ends;
    QLabel *m_summary;
    QPushButton *m_ok = nullptr;
};

} // namespace mbq
