#pragma once
// The status bar's memory readout: "GPU 7.9 / 24.0 GB" (or "RAM" on the CPU), with the peak of
// the last render in the tooltip, so an artist sees how close a setting came to the limit
// before trying a bigger one. Hidden while the engine cannot say (no engine yet, fake engine).

#include "inference/engine.h"

#include <QLabel>

namespace mbq {

class MemoryLabel : public QLabel
{
    Q_OBJECT

public:
    explicit MemoryLabel(QWidget *parent = nullptr);

    void showMemory(const MemoryReadout &memory);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    MemoryReadout m_memory;
};

} // namespace mbq
