<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de">
<context>
    <name>main</name>
    <message>
        <source>Zero-shot motion transfer editor</source>
        <translation>Editor für Zero-Shot-Bewegungsübertragung</translation>
    </message>
    <message>
        <source>Project file to open (default: the demo project)</source>
        <translation>Zu öffnende Projektdatei (Standard: das Demoprojekt)</translation>
    </message>
    <message>
        <source>Save a PNG of the main window once shown, then quit.</source>
        <translation>Nach dem Anzeigen ein PNG des Hauptfensters speichern und beenden.</translation>
    </message>
    <message>
        <source>User interface language: %1 (default: the system's)</source>
        <translation>Sprache der Oberfläche: %1 (Standard: die des Systems)</translation>
    </message>
    <message>
        <source>Once the project is open, start a render or a sweep (render|sweep); with --screenshot the picture is taken after the render, or after the sweep's first cell.</source>
        <translation>Nach dem Öffnen des Projekts ein Rendering oder einen Sweep starten (render|sweep); mit --screenshot wird das Bild nach dem Rendering bzw. nach der ersten Zelle des Sweeps aufgenommen.</translation>
    </message>
</context>
<context>
    <name>mbq::ClipPane</name>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Cannot show this clip:
%1</source>
        <translation>Dieser Clip kann nicht angezeigt werden:
%1</translation>
    </message>
    <message>
        <source>Ended at frame %1</source>
        <translation>Endet bei Bild %1</translation>
    </message>
    <message>
        <source>Partly read</source>
        <translation>Teilweise gelesen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
</context>
<context>
    <name>mbq::CompareView</name>
    <message>
        <source>A/B Wipe</source>
        <translation>A/B-Wipe</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>No source clip</source>
        <translation>Kein Quellclip</translation>
    </message>
    <message>
        <source>Injected</source>
        <translation>Injiziert</translation>
    </message>
    <message>
        <source>Not rendered yet</source>
        <translation>Noch nicht gerendert</translation>
    </message>
    <message>
        <source>Baseline (no injection)</source>
        <translation>Baseline (ohne Injektion)</translation>
    </message>
    <message>
        <source>No baseline rendered yet</source>
        <translation>Noch keine Baseline gerendert</translation>
    </message>
    <message>
        <source>Show two panes in one view, split by a movable divider</source>
        <translation>Zwei Ansichten in einer zeigen, getrennt durch einen verschiebbaren Teiler</translation>
    </message>
    <message>
        <source>Left of the divider</source>
        <translation>Links vom Teiler</translation>
    </message>
    <message>
        <source>Right of the divider</source>
        <translation>Rechts vom Teiler</translation>
    </message>
    <message>
        <source>A:</source>
        <translation>A:</translation>
    </message>
    <message>
        <source>B:</source>
        <translation>B:</translation>
    </message>
    <message>
        <source>fidelity %1 · leak %2</source>
        <translation>Treue %1 · Leak %2</translation>
    </message>
    <message>
        <source>Showing the first %1 frames: the rest would not fit in memory</source>
        <translation>Die ersten %1 Bilder werden gezeigt: Der Rest passt nicht in den Speicher</translation>
    </message>
    <message>
        <source>%1: no frame could be decoded</source>
        <translation>%1: Es konnte kein Bild dekodiert werden</translation>
    </message>
</context>
<context>
    <name>mbq::Conform</name>
    <message>
        <source>%1: the frame rate and frame count must be positive</source>
        <translation>%1: Bildrate und Bildanzahl müssen positiv sein</translation>
    </message>
    <message>
        <source>the source states no frame rate; assuming 25 fps</source>
        <translation>die Quelle gibt keine Bildrate an; 25 fps angenommen</translation>
    </message>
    <message>
        <source>%1: starts at %2 s but the clip is only %3 s long</source>
        <translation>%1: beginnt bei %L2 s, der Clip ist aber nur %L3 s lang</translation>
    </message>
    <message>
        <source>%1 frames snapped to %2 (the model takes 4n+1)</source>
        <translation>%1 Bilder auf %2 gerundet (das Modell verarbeitet 4n+1)</translation>
    </message>
    <message>
        <source>%1: needs %2 frames at %3 fps from %4 s but holds only %5; start earlier or lower the frame rate</source>
        <translation>%1: braucht %2 Bilder bei %L3 fps ab %L4 s, enthält aber nur %5; früher beginnen oder die Bildrate senken</translation>
    </message>
    <message>
        <source>the source holds only %1 frames at %2 fps; using %3</source>
        <translation>die Quelle enthält bei %L2 fps nur %1 Bilder; %3 werden verwendet</translation>
    </message>
    <message>
        <source>%1: the video has no frame size</source>
        <translation>%1: das Video hat keine Bildgröße</translation>
    </message>
    <message>
        <source>size %1×%2 snapped to %3×%4 (multiples of 16)</source>
        <translation>Größe %1×%2 auf %3×%4 gerundet (Vielfache von 16)</translation>
    </message>
    <message>
        <source>%1 of %2 frames from %3 s, </source>
        <translation>%1 von %2 Bildern ab %L3 s, </translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>%1→%2 fps, </source>
        <translation>%L1→%L2 fps, </translation>
    </message>
    <message>
        <source>%1 fps, </source>
        <translation>%L1 fps, </translation>
    </message>
    <message>
        <source> → scale %1×%2</source>
        <translation> → skalieren auf %1×%2</translation>
    </message>
    <message>
        <source> → crop %1×%2</source>
        <translation> → beschneiden auf %1×%2</translation>
    </message>
    <message>
        <source> → pad %1×%2</source>
        <translation> → auffüllen auf %1×%2</translation>
    </message>
    <message>
        <source>%1: empty conform plan</source>
        <translation>%1: leerer Conform-Plan</translation>
    </message>
    <message>
        <source>%1: decoded only %2 of the %3 frames the model needs</source>
        <translation>%1: nur %2 der %3 vom Modell benötigten Bilder dekodiert</translation>
    </message>
    <message>
        <source>%1: the file held %2 frames where %3 were planned; using %4</source>
        <translation>%1: die Datei enthielt %2 statt der geplanten %3 Bilder; %4 werden verwendet</translation>
    </message>
</context>
<context>
    <name>mbq::EngineText</name>
    <message>
        <source>CPU (1 thread)</source>
        <translation>CPU (1 Thread)</translation>
    </message>
    <message numerus="yes">
        <source>CPU (%n threads)</source>
        <translation><numerusform>CPU (%n Thread)</numerusform><numerusform>CPU (%n Threads)</numerusform></translation>
    </message>
    <message>
        <source>official</source>
        <translation>offiziell</translation>
    </message>
</context>
<context>
    <name>mbq::ExportDialog</name>
    <message>
        <source>MP4, H.264 (plays everywhere)</source>
        <translation>MP4, H.264 (läuft überall)</translation>
    </message>
    <message>
        <source>MP4, H.265 (smaller)</source>
        <translation>MP4, H.265 (kleiner)</translation>
    </message>
    <message>
        <source>MKV, FFV1 (lossless RGB)</source>
        <translation>MKV, FFV1 (verlustfreies RGB)</translation>
    </message>
    <message>
        <source>Side by side: source | injected | baseline</source>
        <translation>Nebeneinander: Quelle | injiziert | Baseline</translation>
    </message>
    <message>
        <source>Store the render parameters in the file</source>
        <translation>Render-Parameter in der Datei speichern</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>Lower is better quality and larger files; 18 looks lossless to most</source>
        <translation>Niedriger ergibt bessere Qualität und größere Dateien; 18 wirkt für die meisten verlustfrei</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Quality (CRF):</source>
        <translation>&amp;Qualität (CRF):</translation>
    </message>
    <message>
        <source>&amp;Speed preset:</source>
        <translation>&amp;Tempo-Preset:</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 wird exportiert…</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Fi&amp;le:</source>
        <translation>&amp;Datei:</translation>
    </message>
</context>
<context>
    <name>mbq::FrameCurvesPlot</name>
    <message>
        <source>Frame</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Per-frame value</source>
        <translation>Wert pro Bild</translation>
    </message>
    <message>
        <source>No per-frame metrics yet</source>
        <translation>Noch keine Metriken pro Bild</translation>
    </message>
</context>
<context>
    <name>mbq::InjectionPanel</name>
    <message>
        <source>Set</source>
        <translation>Setzen</translation>
    </message>
    <message>
        <source>Start from Preset</source>
        <translation>Mit Preset beginnen</translation>
    </message>
    <message>
        <source>Published settings per model: starting points to tune from</source>
        <translation>Veröffentlichte Einstellungen je Modell: Ausgangspunkte zum Feinabstimmen</translation>
    </message>
    <message>
        <source>Injected steps</source>
        <translation>Injizierte Schritte</translation>
    </message>
    <message>
        <source>e.g. 20-29</source>
        <translation>z. B. 20-29</translation>
    </message>
    <message>
        <source>Layers to select: positions in network order ("20-29", "3,7"), layer ids, or "all"; press Enter</source>
        <translation>Auszuwählende Layer: Positionen in Netzwerkreihenfolge („20-29“, „3,7“), Layer-IDs oder „all“; mit der Eingabetaste bestätigen</translation>
    </message>
    <message>
        <source>Weight for the selected layers</source>
        <translation>Gewichtung für die ausgewählten Layer</translation>
    </message>
    <message>
        <source>Give every selected layer this weight</source>
        <translation>Allen ausgewählten Layern diese Gewichtung geben</translation>
    </message>
    <message>
        <source>&amp;Layers</source>
        <translation>&amp;Layer</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>Use the source's queries instead of the target's (the paper's setting at weight 1)</source>
        <translation>Die Queries der Quelle statt der des Ziels verwenden (bei Gewichtung 1 die Einstellung aus dem Paper)</translation>
    </message>
    <message>
        <source>&amp;Blend</source>
        <translation>&amp;Mischen</translation>
    </message>
    <message>
        <source>Mix source and target queries by the layer weight</source>
        <translation>Queries von Quelle und Ziel gemäß der Layer-Gewichtung mischen</translation>
    </message>
    <message>
        <source>Single pass</source>
        <translation>Einzelner Durchlauf</translation>
    </message>
    <message>
        <source>Per step</source>
        <translation>Pro Schritt</translation>
    </message>
    <message>
        <source>Lockstep</source>
        <translation>Im Gleichschritt</translation>
    </message>
    <message>
        <source>How the source's queries are captured: one pass at one timestep, reused for every step; one pass per injected step; or alongside the target, step by step</source>
        <translation>Wie die Queries der Quelle erfasst werden: ein Durchlauf bei einem Zeitschritt, für jeden Schritt wiederverwendet; ein Durchlauf pro injiziertem Schritt; oder Schritt für Schritt parallel zum Ziel</translation>
    </message>
    <message>
        <source>t = </source>
        <translation>t = </translation>
    </message>
    <message>
        <source>Timestep of the single source pass (0 = clean, 1000 = pure noise)</source>
        <translation>Zeitschritt des einzelnen Quelldurchlaufs (0 = rauschfrei, 1000 = reines Rauschen)</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>&amp;Extraction</source>
        <translation>E&amp;xtraktion</translation>
    </message>
    <message>
        <source>%1: layer %2 in network order (type %2 under Layers)</source>
        <translation>%1: Layer %2 in Netzwerkreihenfolge (unter „Layer“ %2 eingeben)</translation>
    </message>
    <message>
        <source>Starting points</source>
        <translation>Ausgangspunkte</translation>
    </message>
    <message>
        <source>No presets for this model</source>
        <translation>Keine Presets für dieses Modell</translation>
    </message>
    <message>
        <source>Apply preset %1</source>
        <translation>Preset %1 anwenden</translation>
    </message>
    <message>
        <source>Mute %1</source>
        <translation>%1 stummschalten</translation>
    </message>
    <message>
        <source>Unmute %1</source>
        <translation>Stummschaltung von %1 aufheben</translation>
    </message>
    <message>
        <source>Unsolo %1</source>
        <translation>Solo von %1 aufheben</translation>
    </message>
    <message>
        <source>Solo %1</source>
        <translation>%1 solo schalten</translation>
    </message>
    <message>
        <source>Select layers first: type a band such as 20-29, or tick rows.</source>
        <translation>Zuerst Layer auswählen: einen Bereich wie 20-29 eingeben oder Zeilen abhaken.</translation>
    </message>
    <message>
        <source>None: the clip is inverted</source>
        <translation>Keiner: der Clip wird invertiert</translation>
    </message>
    <message>
        <source>If the source clip is this model's render, the seed it was rendered with: the source then walks from that seed's noise and matches the clip exactly. Leave it empty for any other clip, which is inverted first (slower, approximate)</source>
        <translation>Ist der Quellclip ein Rendering dieses Modells, der Seed, mit dem er gerendert wurde: Die Quelle geht dann vom Rauschen dieses Seeds aus und trifft den Clip genau. Für jeden anderen Clip leer lassen; er wird zuerst invertiert (langsamer, angenähert)</translation>
    </message>
    <message>
        <source>Source see&amp;d</source>
        <translation>Quell-See&amp;d</translation>
    </message>
    <message>
        <source>Set all layers to %1</source>
        <translation>Alle Layer auf %1 setzen</translation>
    </message>
    <message>
        <source>Set layer %1 to %2</source>
        <translation>Layer %1 auf %2 setzen</translation>
    </message>
    <message>
        <source>Set layers %1 to %2</source>
        <translation>Layer %1 auf %2 setzen</translation>
    </message>
    <message>
        <source>Injected: %1</source>
        <translation>Injiziert: %1</translation>
    </message>
</context>
<context>
    <name>mbq::Inspector</name>
    <message>
        <source>&amp;Target prompt</source>
        <translation>&amp;Ziel-Prompt</translation>
    </message>
    <message>
        <source>&amp;Negative</source>
        <translation>&amp;Negativ</translation>
    </message>
    <message>
        <source>S&amp;ource prompt</source>
        <translation>&amp;Quell-Prompt</translation>
    </message>
    <message>
        <source>S&amp;eed</source>
        <translation>&amp;Seed</translation>
    </message>
    <message>
        <source>&amp;Size</source>
        <translation>G&amp;röße</translation>
    </message>
    <message>
        <source>&amp;Frames / fps</source>
        <translation>&amp;Bilder / fps</translation>
    </message>
    <message>
        <source>S&amp;teps / sampler</source>
        <translation>Sc&amp;hritte / Sampler</translation>
    </message>
    <message>
        <source>&amp;Guidance / shift</source>
        <translation>&amp;Guidance / Shift</translation>
    </message>
    <message>
        <source>What the new clip shows</source>
        <translation>Was der neue Clip zeigt</translation>
    </message>
    <message>
        <source>What to avoid</source>
        <translation>Was vermieden werden soll</translation>
    </message>
    <message>
        <source>Empty by default: the source pass runs unprompted</source>
        <translation>Standardmäßig leer: Der Quelldurchlauf läuft ohne Prompt</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>A locked seed is kept when you ask for a new variation</source>
        <translation>Ein gesperrter Seed bleibt bei neuen Variationen erhalten</translation>
    </message>
    <message>
        <source>Randomise</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <source>Pick a new random seed</source>
        <translation>Einen neuen zufälligen Seed wählen</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <source>Denoising steps</source>
        <translation>Entrauschungsschritte</translation>
    </message>
    <message>
        <source>Classifier-free guidance scale</source>
        <translation>Stärke der Classifier-free Guidance (CFG)</translation>
    </message>
    <message>
        <source>Flow-matching shift of the noise schedule</source>
        <translation>Flow-Matching-Shift des Rauschplans</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 oder %2</translation>
    </message>
    <message>
        <source>%1 %2 does not suit this model, which takes multiples of %3; nearest valid: %4</source>
        <translation>%1 %2 passt nicht zu diesem Modell, das Vielfache von %3 verarbeitet; nächstgelegen gültig: %4</translation>
    </message>
    <message>
        <source>%1 frames do not suit this model, which takes %2n+%3 frames; nearest valid: %4</source>
        <translation>%1 Bilder passen nicht zu diesem Modell, das %2n+%3 Bilder verarbeitet; nächstgelegen gültig: %4</translation>
    </message>
    <message>
        <source>%1 %2 snapped to %3 (this model takes multiples of %4)</source>
        <translation>%1 %2 auf %3 gerundet (dieses Modell verarbeitet Vielfache von %4)</translation>
    </message>
    <message>
        <source>%1 frames snapped to %2 (this model takes %3n+%4 frames)</source>
        <translation>%1 Bilder auf %2 gerundet (dieses Modell verarbeitet %3n+%4 Bilder)</translation>
    </message>
</context>
<context>
    <name>mbq::JsonReader</name>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>must be %1, got %2</source>
        <translation>muss %1 sein, ist aber %2</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>ein String</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>must be a whole number, got %1</source>
        <translation>muss eine ganze Zahl sein, ist aber %1</translation>
    </message>
    <message>
        <source>must be a whole number in [0, 2^53] (write larger values as a string), got %1</source>
        <translation>muss eine ganze Zahl in [0, 2^53] sein (größere Werte als String schreiben), ist aber %1</translation>
    </message>
    <message>
        <source>a decimal string</source>
        <translation>ein String mit einer Dezimalzahl</translation>
    </message>
    <message>
        <source>must be a decimal number from 0 to 18446744073709551615, got "%1"</source>
        <translation>muss eine Dezimalzahl von 0 bis 18446744073709551615 sein, ist aber „%1“</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
</context>
<context>
    <name>mbq::LayerGroups</name>
    <message>
        <source>Middle</source>
        <translation>Mitte</translation>
    </message>
    <message>
        <source>Down %1</source>
        <translation>Abwärts %1</translation>
    </message>
    <message>
        <source>Up %1</source>
        <translation>Aufwärts %1</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>Spatial</source>
        <translation>Räumlich</translation>
    </message>
    <message>
        <source>Temporal</source>
        <translation>Zeitlich</translation>
    </message>
</context>
<context>
    <name>mbq::LayerRow</name>
    <message>
        <source>M</source>
        <comment>mute</comment>
        <translation>M</translation>
    </message>
    <message>
        <source>Mute: weight 0, click again to restore it</source>
        <translation>Stumm: Gewichtung 0, erneut klicken zum Wiederherstellen</translation>
    </message>
    <message>
        <source>S</source>
        <comment>solo</comment>
        <translation>S</translation>
    </message>
    <message>
        <source>Solo: only this layer injects, click again to restore the others</source>
        <translation>Solo: Nur dieser Layer injiziert, erneut klicken stellt die anderen wieder her</translation>
    </message>
    <message>
        <source>Weight of %1</source>
        <translation>Gewichtung von %1</translation>
    </message>
</context>
<context>
    <name>mbq::LayerSelection</name>
    <message>
        <source>Layer %1 does not exist: the model has no layers.</source>
        <translation>Layer %1 existiert nicht: Das Modell hat keine Layer.</translation>
    </message>
    <message>
        <source>Layer %1 does not exist: the model has %2 layers (0-%3).</source>
        <translation>Layer %1 existiert nicht: Das Modell hat %2 Layer (0-%3).</translation>
    </message>
    <message>
        <source>Unknown layer "%1" for this model.</source>
        <translation>Unbekannter Layer „%1“ für dieses Modell.</translation>
    </message>
    <message>
        <source>The range %1 is reversed; write %2-%3.</source>
        <translation>Der Bereich %1 ist vertauscht; stattdessen %2-%3 eingeben.</translation>
    </message>
</context>
<context>
    <name>mbq::MainWindow</name>
    <message>
        <source>mbq projects (*.mbqproj);;All files (*)</source>
        <translation>mbq-Projekte (*.mbqproj);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Device: starting…</source>
        <translation>Gerät: wird gestartet…</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Demo Project</source>
        <translation>&amp;Demoprojekt öffnen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Render</source>
        <translation>&amp;Rendern</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Motion by Queries Studio</source>
        <translation>&amp;Über Motion by Queries Studio</translation>
    </message>
    <message>
        <source>Cannot open the demo project</source>
        <translation>Das Demoprojekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Cannot save project</source>
        <translation>Projekt kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them first?</source>
        <translation>%1 hat ungespeicherte Änderungen. Zuerst speichern?</translation>
    </message>
    <message>
        <source>About Motion by Queries Studio</source>
        <translation>Über Motion by Queries Studio</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Motion by Queries Studio&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Zero-shot motion transfer: the self-attention queries of a source clip steer the motion of a new video that looks like its own prompt.&lt;/p&gt;&lt;p&gt;Device: %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Motion by Queries Studio&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Zero-Shot-Bewegungsübertragung: Die Self-Attention-Queries eines Quellclips steuern die Bewegung eines neuen Videos, das wie sein eigener Prompt aussieht.&lt;/p&gt;&lt;p&gt;Gerät: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Model: none chosen</source>
        <translation>Modell: keines gewählt</translation>
    </message>
    <message>
        <source>Model: loading %1…</source>
        <translation>Modell: %1 wird geladen…</translation>
    </message>
    <message>
        <source>%1[*] — Motion by Queries Studio</source>
        <translation>%1[*] — Motion by Queries Studio</translation>
    </message>
    <message>
        <source>Model: not loaded</source>
        <translation>Modell: nicht geladen</translation>
    </message>
    <message>
        <source>Choose &amp;Model Folder…</source>
        <translation>&amp;Modellordner wählen…</translation>
    </message>
    <message>
        <source>Choose Model Folder</source>
        <translation>Modellordner wählen</translation>
    </message>
    <message>
        <source>%1B</source>
        <translation>%1 Mrd.</translation>
    </message>
    <message>
        <source>%1M</source>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <source>%1k</source>
        <translation>%1 Tsd.</translation>
    </message>
    <message>
        <source>Model: %1 (%2 layout, %3 parameters)</source>
        <translation>Modell: %1 (%2-Layout, %3 Parameter)</translation>
    </message>
    <message>
        <source>Video clips (*.mp4 *.mov *.mkv *.webm *.avi *.gif);;All files (*)</source>
        <translation>Videoclips (*.mp4 *.mov *.mkv *.webm *.avi *.gif);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>&amp;Neues Projekt</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Set &amp;Source Clip…</source>
        <translation>&amp;Quellclip festlegen…</translation>
    </message>
    <message>
        <source>Model &amp;Manager…</source>
        <translation>Modell&amp;verwaltung…</translation>
    </message>
    <message>
        <source>&amp;Export Take…</source>
        <translation>Take &amp;exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>S&amp;weep…</source>
        <translation>S&amp;weep…</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>Render</source>
        <translation>Rendern</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <source>Q Injection</source>
        <translation>Q-Injektion</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Trade-off</source>
        <translation>Trade-off</translation>
    </message>
    <message>
        <source>Per Frame</source>
        <translation>Pro Bild</translation>
    </message>
    <message>
        <source>Recover unsaved changes?</source>
        <translation>Ungespeicherte Änderungen wiederherstellen?</translation>
    </message>
    <message>
        <source>%1 has changes that were not saved when the studio last closed. Recover them?</source>
        <translation>%1 enthält Änderungen, die beim letzten Schließen des Studios nicht gespeichert wurden. Wiederherstellen?</translation>
    </message>
    <message>
        <source>Cannot recover</source>
        <translation>Wiederherstellung nicht möglich</translation>
    </message>
    <message>
        <source>Recovered unsaved changes; save to keep them</source>
        <translation>Ungespeicherte Änderungen wiederhergestellt; zum Behalten speichern</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the motion reference</source>
        <translation>Bewegungsreferenz</translation>
    </message>
    <message>
        <source>Finished %1</source>
        <translation>%1 fertig</translation>
    </message>
    <message>
        <source>Show in Compare View</source>
        <translation>In der Vergleichsansicht zeigen</translation>
    </message>
    <message>
        <source>Use These Settings</source>
        <translation>Diese Einstellungen übernehmen</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Rename Take</source>
        <translation>Take umbenennen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Cancel Render</source>
        <translation>Rendern abbrechen</translation>
    </message>
    <message>
        <source>Remove from Timeline</source>
        <translation>Aus der Timeline entfernen</translation>
    </message>
    <message>
        <source>Set Source Clip</source>
        <translation>Quellclip festlegen</translation>
    </message>
    <message>
        <source>Queued %1</source>
        <translation>%1 eingereiht</translation>
    </message>
    <message>
        <source>Preview at reduced settings: %1×%2, %3 frames, %4 steps</source>
        <translation>Vorschau mit reduzierten Einstellungen: %1×%2, %3 Bilder, %4 Schritte</translation>
    </message>
    <message numerus="yes">
        <source>Queued a sweep of %n renders</source>
        <translation><numerusform>Sweep mit %n Rendering eingereiht</numerusform><numerusform>Sweep mit %n Renderings eingereiht</numerusform></translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>Nichts zu exportieren</translation>
    </message>
    <message>
        <source>Render a take, or pick one on the timeline, first.</source>
        <translation>Zuerst einen Take rendern oder in der Timeline auswählen.</translation>
    </message>
    <message>
        <source>Preferences not applied</source>
        <translation>Einstellungen nicht übernommen</translation>
    </message>
    <message>
        <source>The engine keeps its previous settings: %1</source>
        <translation>Die Engine behält ihre bisherigen Einstellungen: %1</translation>
    </message>
    <message>
        <source>Cannot use the take's settings</source>
        <translation>Die Einstellungen des Takes können nicht übernommen werden</translation>
    </message>
    <message>
        <source>Cannot rename the take</source>
        <translation>Der Take kann nicht umbenannt werden</translation>
    </message>
    <message>
        <source>Cannot remove the take</source>
        <translation>Der Take kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>Cannot use the take as the source</source>
        <translation>Der Take kann nicht als Quelle verwendet werden</translation>
    </message>
    <message>
        <source>Source clip: %1, with its seed %2 for lockstep extraction</source>
        <translation>Quellclip: %1, mit seinem Seed %2 für die Extraktion im Gleichschritt</translation>
    </message>
    <message>
        <source>Source clip: %1</source>
        <translation>Quellclip: %1</translation>
    </message>
    <message>
        <source>Use as Source Clip</source>
        <translation>Als Quellclip verwenden</translation>
    </message>
    <message>
        <source>Current settings differ from %1 — Render or Preview to see them</source>
        <translation>Die aktuellen Einstellungen weichen von %1 ab — Rendern oder Vorschau zeigt sie</translation>
    </message>
    <message>
        <source>Not a video clip</source>
        <translation>Kein Videoclip</translation>
    </message>
    <message>
        <source>Not a model folder</source>
        <translation>Kein Modellordner</translation>
    </message>
    <message>
        <source>&lt;p&gt;Build:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Build-Details:&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>mbq::Media</name>
    <message>
        <source>%1: stopped after %2 frames: more would not fit in %3 MiB</source>
        <translation>%1: nach %2 Bildern angehalten: Mehr passt nicht in %3 MiB</translation>
    </message>
    <message>
        <source>%1: no frame could be decoded</source>
        <translation>%1: Es konnte kein Bild dekodiert werden</translation>
    </message>
    <message>
        <source>A filmstrip needs a positive count and height</source>
        <translation>Ein Filmstreifen braucht eine positive Anzahl und Höhe</translation>
    </message>
    <message>
        <source>Cannot compare: %1 has no frames</source>
        <translation>Vergleich nicht möglich: %1 hat keine Bilder</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>%1: is a folder, not a video</source>
        <translation>%1: ist ein Ordner, kein Video</translation>
    </message>
    <message>
        <source>%1: is empty</source>
        <translation>%1: ist leer</translation>
    </message>
    <message>
        <source>%1: out of memory</source>
        <translation>%1: nicht genügend Arbeitsspeicher</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: not a video file FFmpeg can read (%2)</source>
        <translation>%1: keine Videodatei, die FFmpeg lesen kann (%2)</translation>
    </message>
    <message>
        <source>%1: cannot read the streams: %2</source>
        <translation>%1: Streams können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: contains no video stream</source>
        <translation>%1: enthält keinen Videostream</translation>
    </message>
    <message>
        <source>%1: this FFmpeg has no decoder for %2</source>
        <translation>%1: dieses FFmpeg hat keinen Decoder für %2</translation>
    </message>
    <message>
        <source>%1: the video has no frame size</source>
        <translation>%1: das Video hat keine Bildgröße</translation>
    </message>
    <message>
        <source>%1: cannot open the %2 decoder: %3</source>
        <translation>%1: der %2-Decoder kann nicht geöffnet werden: %3</translation>
    </message>
    <message>
        <source>Cannot export to %1: no such folder</source>
        <translation>Export nach %1 nicht möglich: Ordner existiert nicht</translation>
    </message>
    <message>
        <source>Cannot export %1: the clip has no frames</source>
        <translation>%1 kann nicht exportiert werden: der Clip hat keine Bilder</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 (further problems not listed)</source>
        <translation>%1 (weitere Probleme nicht aufgeführt)</translation>
    </message>
    <message>
        <source>%1: frame %2 at %3 s is damaged; shown as far as it decoded</source>
        <translation>%1: Bild %2 bei %L3 s ist beschädigt; es wird angezeigt, soweit es dekodiert wurde</translation>
    </message>
    <message>
        <source>%1: a frame after %2 s could not be decoded: %3</source>
        <translation>%1: Ein Bild nach %L2 s konnte nicht dekodiert werden: %3</translation>
    </message>
    <message>
        <source>%1: gave up after %2 packets without a picture</source>
        <translation>%1: nach %2 Paketen ohne Bild aufgegeben</translation>
    </message>
    <message>
        <source>reading stalled for more than %1 s</source>
        <translation>Lesen stockte länger als %1 s</translation>
    </message>
    <message>
        <source>%1: cannot read past %2 s: %3</source>
        <translation>%1: kann nicht über %L2 s hinaus gelesen werden: %3</translation>
    </message>
    <message>
        <source>%1: damaged data at %2 s could not be decoded: %3</source>
        <translation>%1: beschädigte Daten bei %L2 s konnten nicht dekodiert werden: %3</translation>
    </message>
    <message>
        <source>%1: cannot seek to %2 s: %3</source>
        <translation>%1: Springen zu %L2 s nicht möglich: %3</translation>
    </message>
    <message>
        <source>%1: frame %2 has no usable picture</source>
        <translation>%1: Bild %2 ist nicht verwendbar</translation>
    </message>
    <message>
        <source>%1: cannot convert %2 pictures to RGB</source>
        <translation>%1: %2-Bilder können nicht in RGB umgewandelt werden</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>the file would exceed the largest size allowed here</source>
        <translation>die Datei würde die hier zulässige Höchstgröße überschreiten</translation>
    </message>
    <message>
        <source>Cannot encode %1: %2</source>
        <translation>%1 kann nicht kodiert werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: empty video (%2×%3 at %4 fps)</source>
        <translation>%1 kann nicht geschrieben werden: leeres Video (%2×%3 bei %4 fps)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2 needs an even width and height, not %3×%4</source>
        <translation>%1 kann nicht geschrieben werden: %2 braucht eine gerade Breite und Höhe, nicht %3×%4</translation>
    </message>
    <message>
        <source>Cannot write %1: unknown container; use .mp4, .mov or .mkv</source>
        <translation>%1 kann nicht geschrieben werden: unbekannter Container; .mp4, .mov oder .mkv verwenden</translation>
    </message>
    <message>
        <source>Cannot write %1: this FFmpeg has no %2 encoder</source>
        <translation>%1 kann nicht geschrieben werden: dieses FFmpeg hat keinen %2-Encoder</translation>
    </message>
    <message>
        <source>Cannot write %1: %2 video cannot be stored in a .%3 file</source>
        <translation>%1 kann nicht geschrieben werden: %2-Video kann nicht in einer .%3-Datei gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot write %1: the folder %2 does not exist</source>
        <translation>%1 kann nicht geschrieben werden: Der Ordner %2 existiert nicht</translation>
    </message>
    <message>
        <source>Cannot write %1: out of memory</source>
        <translation>%1 kann nicht geschrieben werden: nicht genügend Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Cannot write %1: the %2 encoder refused the settings: %3</source>
        <translation>%1 kann nicht geschrieben werden: Der %2-Encoder hat die Einstellungen abgelehnt: %3</translation>
    </message>
    <message>
        <source>Cannot write %1: no RGB conversion to %2</source>
        <translation>%1 kann nicht geschrieben werden: keine RGB-Umwandlung nach %2</translation>
    </message>
    <message>
        <source>Cannot write %1: the writer is closed</source>
        <translation>%1 kann nicht geschrieben werden: Die Ausgabe ist bereits geschlossen</translation>
    </message>
    <message>
        <source>Cannot write %1: the clip has no frames</source>
        <translation>%1 kann nicht geschrieben werden: der Clip hat keine Bilder</translation>
    </message>
</context>
<context>
    <name>mbq::MemoryLabel</name>
    <message>
        <source>GPU %1 / %2 GB</source>
        <translation>GPU %1 / %2 GB</translation>
    </message>
    <message>
        <source>RAM %1 / %2 GB</source>
        <translation>RAM %1 / %2 GB</translation>
    </message>
    <message>
        <source>GPU memory held by the engine now, of the device's total; at most %1 GB during the last render</source>
        <translation>GPU-Speicher, den die Engine jetzt belegt, vom Gesamtspeicher des Geräts; höchstens %1 GB während des letzten Renderings</translation>
    </message>
    <message>
        <source>Memory of the studio's process now, of the machine's total; at most %1 GB during the last render</source>
        <translation>Speicher des Studio-Prozesses jetzt, vom Gesamtspeicher des Rechners; höchstens %1 GB während des letzten Renderings</translation>
    </message>
</context>
<context>
    <name>mbq::Metrics</name>
    <message>
        <source>The %1 clip needs at least two frames</source>
        <translation>Der Clip „%1“ braucht mindestens zwei Bilder</translation>
    </message>
</context>
<context>
    <name>mbq::ModelManagerDialog</name>
    <message>
        <source>Use This Model</source>
        <translation>Dieses Modell verwenden</translation>
    </message>
    <message>
        <source>Model Manager</source>
        <translation>Modellverwaltung</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>Tensoren</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Add Model Folder</source>
        <translation>Modellordner hinzufügen</translation>
    </message>
    <message>
        <source>Not usable: %1</source>
        <translation>Nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>%1 (%2 layout) · %3 parameters · about %4 GB of GPU memory at %5×%6, %7 frames (rough estimate)</source>
        <translation>%1 (%2-Layout) · %3 Parameter · etwa %4 GB GPU-Speicher bei %5×%6, %7 Bildern (grobe Schätzung)</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>Fehlt: %1</translation>
    </message>
</context>
<context>
    <name>mbq::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Automatic (CUDA when present)</source>
        <translation>Automatisch (CUDA, wenn vorhanden)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>Automatic (bfloat16 on CUDA, float32 on CPU)</source>
        <translation>Automatisch (bfloat16 mit CUDA, float32 auf der CPU)</translation>
    </message>
    <message>
        <source>float32</source>
        <translation>float32</translation>
    </message>
    <message>
        <source>bfloat16</source>
        <translation>bfloat16</translation>
    </message>
    <message>
        <source>In use: starting…</source>
        <translation>In Verwendung: wird gestartet…</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>In Verwendung: %1</translation>
    </message>
    <message>
        <source>Computation</source>
        <translation>Berechnung</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>&amp;Precision:</source>
        <translation>&amp;Präzision:</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>Memory for the latent after each denoising step, kept so a re-render resumes at the first step that changed</source>
        <translation>Speicher für das Latent nach jedem Entrauschungsschritt, damit ein erneutes Rendering beim ersten geänderten Schritt fortsetzt</translation>
    </message>
    <message>
        <source>Disk space in the cache folder for steps that no longer fit in memory</source>
        <translation>Speicherplatz im Cache-Ordner für Schritte, die nicht mehr in den Arbeitsspeicher passen</translation>
    </message>
    <message>
        <source>None: steps are kept in memory only</source>
        <translation>Keiner: Schritte bleiben nur im Arbeitsspeicher</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Caches</source>
        <translation>Caches</translation>
    </message>
    <message>
        <source>&amp;Q bank:</source>
        <translation>&amp;Q-Bank:</translation>
    </message>
    <message>
        <source>&amp;Trajectory in memory:</source>
        <translation>&amp;Trajektorie im Arbeitsspeicher:</translation>
    </message>
    <message>
        <source>Cache &amp;folder:</source>
        <translation>Cache-&amp;Ordner:</translation>
    </message>
    <message>
        <source>Choose Cache Folder</source>
        <translation>Cache-Ordner wählen</translation>
    </message>
    <message>
        <source>Trajectory on dis&amp;k:</source>
        <translation>Trajektorie auf der &amp;Festplatte:</translation>
    </message>
    <message>
        <source>Memory on the compute device for the source's captured queries, kept so the next render of the same source skips extraction</source>
        <translation>Speicher auf dem Rechengerät für die erfassten Queries der Quelle, damit das nächste Rendering derselben Quelle die Extraktion überspringt</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>Host memory for captured queries past the device budget; on a GPU they come back over PCIe instead of being extracted again</source>
        <translation>Hauptspeicher für erfasste Queries jenseits des Gerätebudgets; bei einer GPU kommen sie über PCIe zurück, statt erneut extrahiert zu werden</translation>
    </message>
    <message>
        <source>Store queries in &amp;8-bit floating point</source>
        <translation>Queries als &amp;8-Bit-Gleitkommazahlen speichern</translation>
    </message>
    <message>
        <source>A quarter of float32's memory per query, with a scale per token and head; each value keeps three mantissa bits</source>
        <translation>Ein Viertel des Speichers von float32 pro Query, mit einem Skalenfaktor je Token und Head; jeder Wert behält drei Mantissenbits</translation>
    </message>
    <message>
        <source>Q bank in &amp;host memory:</source>
        <translation>Q-Bank im &amp;Hauptspeicher:</translation>
    </message>
    <message>
        <source>Disk space in the cache folder for captured queries past the memory budgets</source>
        <translation>Speicherplatz im Cache-Ordner für erfasste Queries jenseits der Speicherbudgets</translation>
    </message>
    <message>
        <source>Q bank on di&amp;sk:</source>
        <translation>Q-Bank auf der Fe&amp;stplatte:</translation>
    </message>
</context>
<context>
    <name>mbq::ProjectDocument</name>
    <message>
        <source>Add take "%1"</source>
        <translation>Take „%1“ hinzufügen</translation>
    </message>
    <message>
        <source>Remove take "%1"</source>
        <translation>Take „%1“ entfernen</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>The project has no file yet; choose where to save it.</source>
        <translation>Das Projekt hat noch keine Datei; bitte einen Speicherort wählen.</translation>
    </message>
    <message>
        <source>Edit negative prompt</source>
        <translation>Negativ-Prompt bearbeiten</translation>
    </message>
    <message>
        <source>Edit source prompt</source>
        <translation>Quell-Prompt bearbeiten</translation>
    </message>
    <message>
        <source>Set seed to %1</source>
        <translation>Seed auf %1 setzen</translation>
    </message>
    <message>
        <source>Lock seed</source>
        <translation>Seed sperren</translation>
    </message>
    <message>
        <source>Unlock seed</source>
        <translation>Seed entsperren</translation>
    </message>
    <message>
        <source>Change generation settings</source>
        <translation>Generierungseinstellungen ändern</translation>
    </message>
    <message>
        <source>A layer id is required.</source>
        <translation>Eine Layer-ID ist erforderlich.</translation>
    </message>
    <message>
        <source>The weight of %1 must be in [0, 1], got %2</source>
        <translation>Die Gewichtung von %1 muss in [0, 1] liegen, ist aber %2</translation>
    </message>
    <message>
        <source>Set weight of %1 to %2</source>
        <translation>Gewichtung von %1 auf %L2 setzen</translation>
    </message>
    <message>
        <source>The weight of head %1 of %2 must be in [0, 1], got %3</source>
        <translation>Die Gewichtung von Head %1 in %2 muss in [0, 1] liegen, ist aber %3</translation>
    </message>
    <message>
        <source>Set head weights of %1</source>
        <translation>Head-Gewichtungen von %1 setzen</translation>
    </message>
    <message>
        <source>The step range [%1, %2) is not valid.</source>
        <translation>Der Schrittbereich [%1, %2) ist ungültig.</translation>
    </message>
    <message>
        <source>Set injection mode to %1</source>
        <translation>Injektionsmodus auf %1 setzen</translation>
    </message>
    <message>
        <source>The extraction timestep must be in [0, 1000], got %1</source>
        <translation>Der Extraktions-Zeitschritt muss in [0, 1000] liegen, ist aber %1</translation>
    </message>
    <message>
        <source>Set source extraction</source>
        <translation>Quellextraktion festlegen</translation>
    </message>
    <message>
        <source>Inject into %1 guidance branches</source>
        <translation>In Guidance-Zweige injizieren: %1</translation>
    </message>
    <message>
        <source>Clear token mask</source>
        <translation>Token-Maske löschen</translation>
    </message>
    <message>
        <source>Paint token mask</source>
        <translation>Token-Maske malen</translation>
    </message>
    <message>
        <source>Replace injection schedule</source>
        <translation>Injektionsplan ersetzen</translation>
    </message>
    <message>
        <source>Set source clip</source>
        <translation>Quellclip festlegen</translation>
    </message>
    <message>
        <source>Set model folder</source>
        <translation>Modellordner festlegen</translation>
    </message>
    <message>
        <source>There is no place %1 for a shot.</source>
        <translation>Es gibt keine Position %1 für einen Shot.</translation>
    </message>
    <message>
        <source>Shot duration</source>
        <translation>Shot-Dauer</translation>
    </message>
    <message>
        <source>Add shot %1</source>
        <translation>Shot %1 hinzufügen</translation>
    </message>
    <message>
        <source>There is no shot %1.</source>
        <translation>Es gibt keinen Shot %1.</translation>
    </message>
    <message>
        <source>A project keeps at least one shot.</source>
        <translation>Ein Projekt braucht mindestens einen Shot.</translation>
    </message>
    <message>
        <source>Remove shot %1</source>
        <translation>Shot %1 entfernen</translation>
    </message>
    <message>
        <source>Edit target prompt</source>
        <translation>Ziel-Prompt bearbeiten</translation>
    </message>
    <message>
        <source>Edit shot %1</source>
        <translation>Shot %1 bearbeiten</translation>
    </message>
    <message>
        <source>A take needs an id.</source>
        <translation>Ein Take braucht eine ID.</translation>
    </message>
    <message>
        <source>There is already a take with id %1.</source>
        <translation>Es gibt bereits einen Take mit der ID %1.</translation>
    </message>
    <message>
        <source>There is no take with id %1.</source>
        <translation>Es gibt keinen Take mit der ID %1.</translation>
    </message>
    <message>
        <source>Rename take "%1" to "%2"</source>
        <translation>Take „%1“ in „%2“ umbenennen</translation>
    </message>
    <message>
        <source>Update take "%1"</source>
        <translation>Take „%1“ aktualisieren</translation>
    </message>
    <message>
        <source>Use the settings of "%1"</source>
        <translation>Einstellungen von „%1“ übernehmen</translation>
    </message>
    <message>
        <source>Set source seed %1</source>
        <translation>Quell-Seed %1 festlegen</translation>
    </message>
    <message>
        <source>Clear source seed</source>
        <translation>Quell-Seed entfernen</translation>
    </message>
    <message>
        <source>"%1" has no finished video to use as the source.</source>
        <translation>„%1“ hat kein fertiges Video, das als Quelle dienen kann.</translation>
    </message>
    <message>
        <source>Use "%1" as the source</source>
        <translation>„%1“ als Quelle verwenden</translation>
    </message>
    <message>
        <source>Set steps %1–%2</source>
        <translation>Schritte %1–%2 setzen</translation>
    </message>
</context>
<context>
    <name>mbq::ProjectFile</name>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>%1: is a folder, not a project file</source>
        <translation>%1: ist ein Ordner, keine Projektdatei</translation>
    </message>
    <message>
        <source>%1: is %2 MiB, larger than any project (limit %3 MiB)</source>
        <translation>%1: ist %2 MiB groß, größer als jedes Projekt (Grenze %3 MiB)</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>mbq::ProjectFormat</name>
    <message>
        <source>must be one of %1, got "%2"</source>
        <translation>muss eines von %1 sein, ist aber „%2“</translation>
    </message>
    <message>
        <source>must hold at least one shot</source>
        <translation>muss mindestens einen Shot enthalten</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>must be an ISO 8601 date and time, got "%1"</source>
        <translation>muss ein Datum mit Uhrzeit nach ISO 8601 sein, ist aber „%1“</translation>
    </message>
    <message>
        <source>cannot upgrade from format_version %1</source>
        <translation>Aktualisierung von format_version %1 nicht möglich</translation>
    </message>
    <message>
        <source>is %1 MiB, larger than any project (limit %2 MiB)</source>
        <translation>ist %1 MiB groß, größer als jedes Projekt (Grenze %2 MiB)</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>is not valid JSON: %1 at line %2, column %3</source>
        <translation>ist kein gültiges JSON: %1 in Zeile %2, Spalte %3</translation>
    </message>
    <message>
        <source>must hold a JSON object at the top level</source>
        <translation>muss auf oberster Ebene ein JSON-Objekt enthalten</translation>
    </message>
    <message>
        <source>is not an mbq project (app is "%1")</source>
        <translation>ist kein mbq-Projekt (app ist „%1“)</translation>
    </message>
    <message>
        <source>was made by a newer mbq (format_version %1; this version reads up to %2). Update mbq to open it.</source>
        <translation>wurde mit einem neueren mbq erstellt (format_version %1; diese Version liest bis %2). Zum Öffnen mbq aktualisieren.</translation>
    </message>
    <message>
        <source>format_version must be &gt;= 0, got %1</source>
        <translation>format_version muss &gt;= 0 sein, ist aber %1</translation>
    </message>
    <message>
        <source>%1.id repeats take id "%2"</source>
        <translation>%1.id wiederholt die Take-ID „%2“</translation>
    </message>
</context>
<context>
    <name>mbq::ProjectInputs</name>
    <message>
        <source>Found: nothing, the folder is empty.</source>
        <translation>Gefunden: nichts, der Ordner ist leer.</translation>
    </message>
    <message numerus="yes">
        <source>Found: %1 and %n more</source>
        <translation><numerusform>Gefunden: %1 und %n weiterer Eintrag</numerusform><numerusform>Gefunden: %1 und %n weitere Einträge</numerusform></translation>
    </message>
    <message>
        <source>Found: %1</source>
        <translation>Gefunden: %1</translation>
    </message>
    <message>
        <source>%1 is an incomplete %2 model folder (%3 layout):
%4</source>
        <translation>%1 ist ein unvollständiger %2-Modellordner (%3-Layout):
%4</translation>
    </message>
    <message>
        <source>Looked for a video clip FFmpeg can read (for example MP4, MOV, MKV, WebM, AVI or GIF) with at least one frame.</source>
        <translation>Gesucht wurde ein Videoclip, den FFmpeg lesen kann (etwa MP4, MOV, MKV, WebM, AVI oder GIF), mit mindestens einem Bild.</translation>
    </message>
</context>
<context>
    <name>mbq::PromptFit</name>
    <message>
        <source>This prompt is longer than the %1 tokens the model reads: the rest is cut.</source>
        <translation>Dieser Prompt ist länger als die %1 Tokens, die das Modell liest: der Rest wird abgeschnitten.</translation>
    </message>
    <message>
        <source>This prompt fills all %1 tokens the model reads: anything longer is cut.</source>
        <translation>Dieser Prompt füllt alle %1 Tokens, die das Modell liest: alles Weitere wird abgeschnitten.</translation>
    </message>
</context>
<context>
    <name>mbq::RenderJobDelegate</name>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Waiting for the render thread</source>
        <translation>Warte auf den Render-Thread</translation>
    </message>
    <message>
        <source>Finished in %1</source>
        <translation>Fertig nach %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
</context>
<context>
    <name>mbq::RenderPass</name>
    <message>
        <source>Load model</source>
        <translation>Modell laden</translation>
    </message>
    <message>
        <source>Read source</source>
        <translation>Quelle lesen</translation>
    </message>
    <message>
        <source>Encode source</source>
        <translation>Quelle kodieren</translation>
    </message>
    <message>
        <source>Invert source</source>
        <translation>Quelle invertieren</translation>
    </message>
    <message>
        <source>Source pass</source>
        <translation>Quelldurchlauf</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Render</source>
        <translation>Rendering</translation>
    </message>
    <message>
        <source>Decode</source>
        <translation>Dekodieren</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
</context>
<context>
    <name>mbq::RenderProgressIndicator</name>
    <message>
        <source>Cancel Render</source>
        <translation>Rendering abbrechen</translation>
    </message>
    <message>
        <source>Stop the running render (Esc); finished steps are kept</source>
        <translation>Laufendes Rendering stoppen (Esc); fertige Schritte bleiben erhalten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>%n more queued</source>
        <translation><numerusform>%n weiteres eingereiht</numerusform><numerusform>%n weitere eingereiht</numerusform></translation>
    </message>
</context>
<context>
    <name>mbq::RenderQueueDock</name>
    <message>
        <source>Render Queue</source>
        <translation>Render-Warteschlange</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>Erledigte entfernen</translation>
    </message>
    <message>
        <source>Stop the selected job; finished steps are kept</source>
        <translation>Gewählten Auftrag stoppen; fertige Schritte bleiben erhalten</translation>
    </message>
    <message>
        <source>Queue the selected job again</source>
        <translation>Gewählten Auftrag erneut einreihen</translation>
    </message>
    <message>
        <source>Remove finished, failed and cancelled jobs from the list</source>
        <translation>Fertige, fehlgeschlagene und abgebrochene Aufträge aus der Liste entfernen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>mbq::RenderRequest</name>
    <message>
        <source>(no prompt)</source>
        <translation>(kein Prompt)</translation>
    </message>
</context>
<context>
    <name>mbq::RenderWorker</name>
    <message>
        <source>no inference engine is available</source>
        <translation>keine Inferenz-Engine verfügbar</translation>
    </message>
    <message>
        <source>internal error: %1</source>
        <translation>interner Fehler: %1</translation>
    </message>
    <message>
        <source>internal error: the engine failed to start</source>
        <translation>interner Fehler: Die Engine konnte nicht starten</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>internal error: unknown exception</source>
        <translation>interner Fehler: unbekannte Ausnahme</translation>
    </message>
    <message>
        <source>the project's model did not load: %1</source>
        <translation>das Modell des Projekts wurde nicht geladen: %1</translation>
    </message>
</context>
<context>
    <name>mbq::ScheduleJson</name>
    <message>
        <source>must be in [0, 1], got %1</source>
        <translation>muss in [0, 1] liegen, ist aber %1</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>must be one of %1, got "%2"</source>
        <translation>muss eines von %1 sein, ist aber „%2“</translation>
    </message>
    <message>
        <source>repeats layer "%1"</source>
        <translation>wiederholt Layer „%1“</translation>
    </message>
    <message>
        <source>must be &gt;= 0, got %1</source>
        <translation>muss &gt;= 0 sein, ist aber %1</translation>
    </message>
    <message>
        <source>must be &gt;= step_begin (%1), got %2</source>
        <translation>muss &gt;= step_begin (%1) sein, ist aber %2</translation>
    </message>
    <message>
        <source>must be in [0, 1000], got %1</source>
        <translation>muss in [0, 1000] liegen, ist aber %1</translation>
    </message>
    <message>
        <source>must be base64-encoded bytes</source>
        <translation>muss base64-kodierte Bytes enthalten</translation>
    </message>
</context>
<context>
    <name>mbq::ScheduleText</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 mit %L2</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
</context>
<context>
    <name>mbq::SettingsRules</name>
    <message>
        <source>%1 or %2</source>
        <translation>%1 oder %2</translation>
    </message>
    <message>
        <source>%1 must be a positive multiple of %2 up to %3, got %4; nearest valid: %5</source>
        <translation>%1 muss ein positives Vielfaches von %2 bis höchstens %3 sein, ist aber %4; nächster gültiger Wert: %5</translation>
    </message>
    <message>
        <source>%1fps must be in (0, 240], got %2</source>
        <translation>%1fps muss in (0, 240] liegen, ist aber %2</translation>
    </message>
    <message>
        <source>%1steps must be in [1, %2], got %3</source>
        <translation>%1steps muss in [1, %2] liegen, ist aber %3</translation>
    </message>
    <message>
        <source>%1guidance must be &gt;= 0, got %2</source>
        <translation>%1guidance muss &gt;= 0 sein, ist aber %2</translation>
    </message>
    <message>
        <source>%1shift must be &gt; 0, got %2</source>
        <translation>%1shift muss &gt; 0 sein, ist aber %2</translation>
    </message>
    <message>
        <source>%1 must be a frame count from 1 up to %2, got %3; nearest valid: %4</source>
        <translation>%1 muss eine Bildanzahl von 1 bis %2 sein, ist aber %3; nächster gültiger Wert: %4</translation>
    </message>
    <message>
        <source>%1 must be %2n+%3 frames (%4, %5, %6, ... up to %7), got %8; nearest valid: %9</source>
        <translation>%1 muss %2n+%3 Bilder betragen (%4, %5, %6, ... bis %7), ist aber %8; nächster gültiger Wert: %9</translation>
    </message>
</context>
<context>
    <name>mbq::StepRangeScrubber</name>
    <message>
        <source>Injected steps</source>
        <translation>Injizierte Schritte</translation>
    </message>
    <message>
        <source>resumes from step %1</source>
        <translation>setzt bei Schritt %1 fort</translation>
    </message>
    <message>
        <source>Step %1: injected</source>
        <translation>Schritt %1: injiziert</translation>
    </message>
    <message>
        <source>Step %1: not injected</source>
        <translation>Schritt %1: nicht injiziert</translation>
    </message>
    <message>
        <source>Step %1 (t = %2): injected</source>
        <translation>Schritt %1 (t = %2): injiziert</translation>
    </message>
    <message>
        <source>Step %1 (t = %2): not injected</source>
        <translation>Schritt %1 (t = %2): nicht injiziert</translation>
    </message>
    <message>
        <source>No steps</source>
        <translation>Keine Schritte</translation>
    </message>
    <message numerus="yes">
        <source>No step injected (of %n steps)</source>
        <translation><numerusform>Kein Schritt injiziert (von %n Schritt)</numerusform><numerusform>Kein Schritt injiziert (von %n Schritten)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Begin %1, end %2 (of %n steps)</source>
        <translation><numerusform>Anfang %1, Ende %2 (von %n Schritt)</numerusform><numerusform>Anfang %1, Ende %2 (von %n Schritten)</numerusform></translation>
    </message>
</context>
<context>
    <name>mbq::SweepDialog</name>
    <message>
        <source>Sweep</source>
        <translation>Sweep</translation>
    </message>
    <message>
        <source>Renders every combination of layer weight and step-range end with the current settings; each cell becomes a take and a point on the trade-off plot as it finishes.</source>
        <translation>Rendert jede Kombination aus Layer-Gewichtung und Ende des Schrittbereichs mit den aktuellen Einstellungen; jede Zelle wird nach Abschluss zu einem Take und zu einem Punkt im Trade-off-Diagramm.</translation>
    </message>
    <message>
        <source>Layer &amp;weights:</source>
        <translation>Layer-&amp;Gewichtungen:</translation>
    </message>
    <message>
        <source>Step-range &amp;ends:</source>
        <translation>&amp;Enden des Schrittbereichs:</translation>
    </message>
    <message>
        <source>Queue Sweep</source>
        <translation>Sweep einreihen</translation>
    </message>
    <message>
        <source>“%1” is not a weight between 0 and 1</source>
        <translation>„%1“ ist keine Gewichtung zwischen 0 und 1</translation>
    </message>
    <message>
        <source>Give at least one weight</source>
        <translation>Mindestens eine Gewichtung angeben</translation>
    </message>
    <message>
        <source>“%1” is not a step between 1 and %2</source>
        <translation>„%1“ ist kein Schritt zwischen 1 und %2</translation>
    </message>
    <message>
        <source>Give at least one step-range end</source>
        <translation>Mindestens ein Ende des Schrittbereichs angeben</translation>
    </message>
    <message numerus="yes">
        <source>%n renders</source>
        <translation><numerusform>%n Rendering</numerusform><numerusform>%n Renderings</numerusform></translation>
    </message>
</context>
<context>
    <name>mbq::SweepGrid</name>
    <message>
        <source>%1: %2 is not a weight between 0 and 1</source>
        <translation>%1: %2 ist kein Gewicht zwischen 0 und 1</translation>
    </message>
    <message>
        <source>%1: %2 is not a whole step</source>
        <translation>%1: %2 ist kein ganzer Schritt</translation>
    </message>
    <message>
        <source>%1: step %2 is outside 0-%3 (the render has %3 steps)</source>
        <translation>%1: Schritt %2 liegt außerhalb von 0-%3 (das Rendering hat %3 Schritte)</translation>
    </message>
    <message>
        <source>%1: “%2” is not a number</source>
        <translation>%1: „%2“ ist keine Zahl</translation>
    </message>
    <message>
        <source>%1: “%2” is not a number or a range A:B:STEP</source>
        <translation>%1: „%2“ ist weder eine Zahl noch ein Bereich A:B:STEP</translation>
    </message>
    <message>
        <source>%1: the STEP of “%2” must be a positive %3</source>
        <translation>%1: STEP in „%2“ muss eine positive %3 sein</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>whole number</source>
        <translation>ganze Zahl</translation>
    </message>
    <message>
        <source>%1: the range “%2” runs backwards; write %3:%4:%5</source>
        <translation>%1: Der Bereich „%2“ läuft rückwärts; schreiben Sie %3:%4:%5</translation>
    </message>
    <message>
        <source>%1: more than %2 values</source>
        <translation>%1: mehr als %2 Werte</translation>
    </message>
    <message>
        <source>%1: an empty value between commas</source>
        <translation>%1: ein leerer Wert zwischen Kommas</translation>
    </message>
    <message>
        <source>%1: %2 is listed twice</source>
        <translation>%1: %2 ist doppelt angegeben</translation>
    </message>
    <message>
        <source>layers: an empty selection between commas</source>
        <translation>layers: eine leere Auswahl zwischen Kommas</translation>
    </message>
    <message>
        <source>layers: “%1”: %2</source>
        <translation>layers: „%1“: %2</translation>
    </message>
    <message>
        <source>layers: “%1” selects no layer</source>
        <translation>layers: „%1“ wählt keinen Layer aus</translation>
    </message>
    <message>
        <source>layers: %1 is listed twice</source>
        <translation>layers: %1 ist doppelt angegeben</translation>
    </message>
    <message>
        <source>“%1” is not AXIS=VALUES (for example end-step=0:50:5)</source>
        <translation>„%1“ hat nicht die Form ACHSE=WERTE (zum Beispiel end-step=0:50:5)</translation>
    </message>
    <message>
        <source>“%1” is not an axis; use begin-step, end-step, weight or layers (and --seeds for seeds)</source>
        <translation>„%1“ ist keine Achse; verwenden Sie begin-step, end-step, weight oder layers (und --seeds für Seeds)</translation>
    </message>
    <message>
        <source>%1: no values</source>
        <translation>%1: keine Werte</translation>
    </message>
    <message>
        <source>%1 is varied twice; give all its values in one --vary</source>
        <translation>%1 wird zweimal variiert; geben Sie alle Werte in einem --vary an</translation>
    </message>
</context>
<context>
    <name>mbq::SweepTable</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>mbq::TakeExport</name>
    <message>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>injected</source>
        <translation>injiziert</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>Baseline</translation>
    </message>
</context>
<context>
    <name>mbq::TakePresenter</name>
    <message>
        <source>layers %1
steps %2–%3 of %4 · %5
seed %6</source>
        <translation>Layer %1
Schritte %2–%3 von %4 · %5
Seed %6</translation>
    </message>
    <message>
        <source>motion fidelity</source>
        <translation>Bewegungstreue</translation>
    </message>
    <message>
        <source>identity leak</source>
        <translation>Identitäts-Leak</translation>
    </message>
    <message>
        <source>warp error</source>
        <translation>Warp-Fehler</translation>
    </message>
</context>
<context>
    <name>mbq::TakeRunner</name>
    <message>
        <source>preview %1</source>
        <translation>Vorschau %1</translation>
    </message>
    <message>
        <source>take %1</source>
        <translation>Take %1</translation>
    </message>
    <message>
        <source>sweep w %1 · end %2</source>
        <translation>Sweep w %1 · Ende %2</translation>
    </message>
</context>
<context>
    <name>mbq::TimelineModel</name>
    <message>
        <source>fidelity %1</source>
        <translation>Treue %1</translation>
    </message>
    <message>
        <source>leak %1</source>
        <translation>Leak %1</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <source>rendering</source>
        <translation>wird gerendert</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Takes</source>
        <translation>Takes</translation>
    </message>
    <message>
        <source>%1
%2
seed %3 · %4×%5 · %6 frames · %7 steps
layers %8 · steps %9–%10</source>
        <translation>%1
%2
Seed %3 · %4×%5 · %6 Bilder · %7 Schritte
Layer %8 · Schritte %9–%10</translation>
    </message>
</context>
<context>
    <name>mbq::TimelineView</name>
    <message>
        <source>Drop a clip here to set the source</source>
        <translation>Clip hierher ziehen, um die Quelle festzulegen</translation>
    </message>
    <message>
        <source>Renders appear here as takes</source>
        <translation>Renderings erscheinen hier als Takes</translation>
    </message>
</context>
<context>
    <name>mbq::TradeoffPlot</name>
    <message>
        <source>Identity leak (lower is better)</source>
        <translation>Identitäts-Leak (niedriger ist besser)</translation>
    </message>
    <message>
        <source>Motion fidelity (higher is better)</source>
        <translation>Bewegungstreue (höher ist besser)</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>Pareto-Front</translation>
    </message>
    <message>
        <source>Renders</source>
        <translation>Renderings</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>No renders yet: render, or run a sweep, to fill this plot</source>
        <translation>Noch keine Renderings: rendern oder einen Sweep starten, um dieses Diagramm zu füllen</translation>
    </message>
    <message>
        <source>leak %1 · fidelity %2</source>
        <translation>Leak %1 · Treue %2</translation>
    </message>
    <message>
        <source>On the Pareto front</source>
        <translation>Auf der Pareto-Front</translation>
    </message>
</context>
<context>
    <name>mbq::TransportBar</name>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Play or pause all panes together</source>
        <translation>Alle Ansichten gemeinsam abspielen oder anhalten</translation>
    </message>
    <message>
        <source>Play Backwards</source>
        <translation>Rückwärts abspielen</translation>
    </message>
    <message>
        <source>Play backwards</source>
        <translation>Rückwärts abspielen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play Forwards</source>
        <translation>Vorwärts abspielen</translation>
    </message>
    <message>
        <source>Play forwards</source>
        <translation>Vorwärts abspielen</translation>
    </message>
    <message>
        <source>Previous Frame</source>
        <translation>Vorheriges Bild</translation>
    </message>
    <message>
        <source>Step back one frame</source>
        <translation>Ein Bild zurück</translation>
    </message>
    <message>
        <source>Next Frame</source>
        <translation>Nächstes Bild</translation>
    </message>
    <message>
        <source>Step forward one frame</source>
        <translation>Ein Bild vor</translation>
    </message>
    <message>
        <source>Go to Start</source>
        <translation>Zum Anfang</translation>
    </message>
    <message>
        <source>Go to the first frame</source>
        <translation>Zum ersten Bild springen</translation>
    </message>
    <message>
        <source>Go to End</source>
        <translation>Zum Ende</translation>
    </message>
    <message>
        <source>Go to the last frame</source>
        <translation>Zum letzten Bild springen</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Schleife</translation>
    </message>
    <message>
        <source>Start over at the end instead of stopping</source>
        <translation>Am Ende von vorn beginnen statt anzuhalten</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>--:--.-- / --:--.-- · no frames</source>
        <translation>--:--.-- / --:--.-- · keine Bilder</translation>
    </message>
    <message>
        <source>%1 / %2 · frame %3/%4</source>
        <translation>%1 / %2 · Bild %3/%4</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>mbq::WipeView</name>
    <message>
        <source>A/B wipe</source>
        <translation>A/B-Wipe</translation>
    </message>
    <message>
        <source>Drag to move the divider, or Tab here and use the arrow keys</source>
        <translation>Ziehen verschiebt den Teiler; alternativ mit Tab hierher wechseln und die Pfeiltasten verwenden</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
</context>
</TS>