#pragma once
// The compare view's transport keys (Space, J/K/L, arrows, Home/End) are window-wide shortcuts,
// so they work wherever the artist's focus is. A shortcut wins over the focused widget unless
// that widget claims the key first; sliders, spin boxes, lists and combo boxes do not claim
// them, so without this guard the Left key on a focused layer slider would step the clip
// instead of the weight. The guard claims the keys such a widget uses for itself.

#include <QObject>

namespace mbq {

class TransportKeyGuard : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Whether `widget`, holding the focus, uses `key` (with `modifiers`) for itself.
    static bool focusedWidgetTakes(const QObject *widget, int key, Qt::KeyboardModifiers modifiers);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace mbq
