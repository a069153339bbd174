<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja">
<context>
    <name>main</name>
    <message>
        <source>Zero-shot motion transfer editor</source>
        <translation>ゼロショット・モーション転送エディタ</translation>
    </message>
    <message>
        <source>Project file to open (default: the demo project)</source>
        <translation>開くプロジェクトファイル（既定: デモプロジェクト）</translation>
    </message>
    <message>
        <source>Save a PNG of the main window once shown, then quit.</source>
        <translation>メインウィンドウ表示後に PNG を保存して終了します。</translation>
    </message>
    <message>
        <source>User interface language: %1 (default: the system's)</source>
        <translation>表示言語: %1（既定: システムの言語）</translation>
    </message>
    <message>
        <source>Once the project is open, start a render or a sweep (render|sweep); with --screenshot the picture is taken after the render, or after the sweep's first cell.</source>
        <translation>プロジェクトを開いた後、レンダリングまたはスイープを開始します（render|sweep）。--screenshot を指定すると、レンダリングの完了後、またはスイープの最初のセルの完了後に画像を保存します。</translation>
    </message>
</context>
<context>
    <name>mbq::ClipPane</name>
    <message>
        <source>Loading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message>
        <source>Cannot show this clip:
%1</source>
        <translation>このクリップを表示できません:
%1</translation>
    </message>
    <message>
        <source>Ended at frame %1</source>
        <translation>フレーム %1 で終了</translation>
    </message>
    <message>
        <source>Partly read</source>
        <translation>一部のみ読み込み済み</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>処理中</translation>
    </message>
</context>
<context>
    <name>mbq::CompareView</name>
    <message>
        <source>A/B Wipe</source>
        <translation>A/B ワイプ</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>No source clip</source>
        <translation>ソースクリップなし</translation>
    </message>
    <message>
        <source>Injected</source>
        <translation>注入あり</translation>
    </message>
    <message>
        <source>Not rendered yet</source>
        <translation>未レンダリング</translation>
    </message>
    <message>
        <source>Baseline (no injection)</source>
        <translation>ベースライン（注入なし）</translation>
    </message>
    <message>
        <source>No baseline rendered yet</source>
        <translation>ベースラインは未レンダリングです</translation>
    </message>
    <message>
        <source>Show two panes in one view, split by a movable divider</source>
        <translation>2 つのペインを、移動できる境界線で分割して 1 つのビューに表示します</translation>
    </message>
    <message>
        <source>Left of the divider</source>
        <translation>境界線の左側</translation>
    </message>
    <message>
        <source>Right of the divider</source>
        <translation>境界線の右側</translation>
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
        <translation>忠実度 %1 · 漏れ %2</translation>
    </message>
    <message>
        <source>Showing the first %1 frames: the rest would not fit in memory</source>
        <translation>最初の %1 フレームを表示しています: 残りはメモリに収まりません</translation>
    </message>
    <message>
        <source>%1: no frame could be decoded</source>
        <translation>%1: デコードできたフレームがありません</translation>
    </message>
</context>
<context>
    <name>mbq::Conform</name>
    <message>
        <source>%1: the frame rate and frame count must be positive</source>
        <translation>%1: フレームレートとフレーム数は正の値である必要があります</translation>
    </message>
    <message>
        <source>the source states no frame rate; assuming 25 fps</source>
        <translation>ソースにフレームレートの指定がないため、25 fps とみなします</translation>
    </message>
    <message>
        <source>%1: starts at %2 s but the clip is only %3 s long</source>
        <translation>%1: 開始位置は %L2 s ですが、クリップの長さは %L3 s しかありません</translation>
    </message>
    <message>
        <source>%1 frames snapped to %2 (the model takes 4n+1)</source>
        <translation>%1 フレームを %2 に丸めました（モデルは 4n+1 フレームを扱います）</translation>
    </message>
    <message>
        <source>%1: needs %2 frames at %3 fps from %4 s but holds only %5; start earlier or lower the frame rate</source>
        <translation>%1: %L4 s から %L3 fps で %2 フレームが必要ですが、%5 フレームしかありません。開始位置を早めるか、フレームレートを下げてください</translation>
    </message>
    <message>
        <source>the source holds only %1 frames at %2 fps; using %3</source>
        <translation>ソースには %L2 fps で %1 フレームしかないため、%3 フレームを使用します</translation>
    </message>
    <message>
        <source>%1: the video has no frame size</source>
        <translation>%1: 動画にフレームサイズがありません</translation>
    </message>
    <message>
        <source>size %1×%2 snapped to %3×%4 (multiples of 16)</source>
        <translation>サイズ %1×%2 を %3×%4 に丸めました（16 の倍数）</translation>
    </message>
    <message>
        <source>%1 of %2 frames from %3 s, </source>
        <translation>%2 フレーム中 %1 フレーム（%L3 s から）、</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>%1→%2 fps, </source>
        <translation>%L1→%L2 fps、</translation>
    </message>
    <message>
        <source>%1 fps, </source>
        <translation>%L1 fps、</translation>
    </message>
    <message>
        <source> → scale %1×%2</source>
        <translation> → スケール %1×%2</translation>
    </message>
    <message>
        <source> → crop %1×%2</source>
        <translation> → クロップ %1×%2</translation>
    </message>
    <message>
        <source> → pad %1×%2</source>
        <translation> → パディング %1×%2</translation>
    </message>
    <message>
        <source>%1: empty conform plan</source>
        <translation>%1: コンフォーム計画が空です</translation>
    </message>
    <message>
        <source>%1: decoded only %2 of the %3 frames the model needs</source>
        <translation>%1: モデルに必要な %3 フレームのうち %2 フレームしかデコードできませんでした</translation>
    </message>
    <message>
        <source>%1: the file held %2 frames where %3 were planned; using %4</source>
        <translation>%1: ファイルのフレーム数は %2 でした（予定は %3）。%4 フレームを使用します</translation>
    </message>
</context>
<context>
    <name>mbq::EngineText</name>
    <message>
        <source>CPU (1 thread)</source>
        <translation>CPU（1 スレッド）</translation>
    </message>
    <message numerus="yes">
        <source>CPU (%n threads)</source>
        <translation><numerusform>CPU（%n スレッド）</numerusform></translation>
    </message>
    <message>
        <source>official</source>
        <translation>公式</translation>
    </message>
</context>
<context>
    <name>mbq::ExportDialog</name>
    <message>
        <source>MP4, H.264 (plays everywhere)</source>
        <translation>MP4, H.264（どこでも再生可能）</translation>
    </message>
    <message>
        <source>MP4, H.265 (smaller)</source>
        <translation>MP4, H.265（小さいファイル）</translation>
    </message>
    <message>
        <source>MKV, FFV1 (lossless RGB)</source>
        <translation>MKV, FFV1（ロスレス RGB）</translation>
    </message>
    <message>
        <source>Side by side: source | injected | baseline</source>
        <translation>横並び: ソース | 注入あり | ベースライン</translation>
    </message>
    <message>
        <source>Store the render parameters in the file</source>
        <translation>レンダリングパラメータをファイルに保存</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 を書き出し</translation>
    </message>
    <message>
        <source>Lower is better quality and larger files; 18 looks lossless to most</source>
        <translation>値が小さいほど高画質でファイルが大きくなります。18 ならほとんどの人には劣化が見えません</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>形式(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Quality (CRF):</source>
        <translation>品質（CRF）(&amp;Q):</translation>
    </message>
    <message>
        <source>&amp;Speed preset:</source>
        <translation>速度プリセット(&amp;S):</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>書き出し先</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 を書き出し中…</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 を書き出しました</translation>
    </message>
    <message>
        <source>Fi&amp;le:</source>
        <translation>ファイル(&amp;L):</translation>
    </message>
</context>
<context>
    <name>mbq::FrameCurvesPlot</name>
    <message>
        <source>Frame</source>
        <translation>フレーム</translation>
    </message>
    <message>
        <source>Per-frame value</source>
        <translation>フレームごとの値</translation>
    </message>
    <message>
        <source>No per-frame metrics yet</source>
        <translation>フレームごとのメトリクスはまだありません</translation>
    </message>
</context>
<context>
    <name>mbq::InjectionPanel</name>
    <message>
        <source>Set</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Start from Preset</source>
        <translation>プリセットから開始</translation>
    </message>
    <message>
        <source>Published settings per model: starting points to tune from</source>
        <translation>モデルごとに公開されている設定: 調整の出発点です</translation>
    </message>
    <message>
        <source>Injected steps</source>
        <translation>注入ステップ</translation>
    </message>
    <message>
        <source>e.g. 20-29</source>
        <translation>例: 20-29</translation>
    </message>
    <message>
        <source>Layers to select: positions in network order ("20-29", "3,7"), layer ids, or "all"; press Enter</source>
        <translation>選択するレイヤー: ネットワーク順の位置（「20-29」「3,7」）、レイヤー ID、または「all」。Enter キーで確定します</translation>
    </message>
    <message>
        <source>Weight for the selected layers</source>
        <translation>選択したレイヤーの重み</translation>
    </message>
    <message>
        <source>Give every selected layer this weight</source>
        <translation>選択したすべてのレイヤーにこの重みを設定します</translation>
    </message>
    <message>
        <source>&amp;Layers</source>
        <translation>レイヤー(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>置換(&amp;R)</translation>
    </message>
    <message>
        <source>Use the source's queries instead of the target's (the paper's setting at weight 1)</source>
        <translation>ターゲットのクエリの代わりにソースのクエリを使います（重み 1 で論文と同じ設定）</translation>
    </message>
    <message>
        <source>&amp;Blend</source>
        <translation>ブレンド(&amp;B)</translation>
    </message>
    <message>
        <source>Mix source and target queries by the layer weight</source>
        <translation>レイヤーの重みに応じてソースとターゲットのクエリを混ぜます</translation>
    </message>
    <message>
        <source>Single pass</source>
        <translation>シングルパス</translation>
    </message>
    <message>
        <source>Per step</source>
        <translation>ステップごと</translation>
    </message>
    <message>
        <source>Lockstep</source>
        <translation>ロックステップ</translation>
    </message>
    <message>
        <source>How the source's queries are captured: one pass at one timestep, reused for every step; one pass per injected step; or alongside the target, step by step</source>
        <translation>ソースのクエリの取得方法: 1 つのタイムステップで 1 回だけ処理してすべてのステップで再利用、注入するステップごとに 1 回処理、またはターゲットと並行して 1 ステップずつ処理</translation>
    </message>
    <message>
        <source>t = </source>
        <translation>t = </translation>
    </message>
    <message>
        <source>Timestep of the single source pass (0 = clean, 1000 = pure noise)</source>
        <translation>シングルパスでソースを処理するタイムステップ（0 = ノイズなし、1000 = 完全なノイズ）</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>モード</translation>
    </message>
    <message>
        <source>&amp;Extraction</source>
        <translation>抽出(&amp;E)</translation>
    </message>
    <message>
        <source>%1: layer %2 in network order (type %2 under Layers)</source>
        <translation>%1: ネットワーク順でレイヤー %2（「レイヤー」欄に %2 と入力）</translation>
    </message>
    <message>
        <source>Starting points</source>
        <translation>出発点</translation>
    </message>
    <message>
        <source>No presets for this model</source>
        <translation>このモデル用のプリセットはありません</translation>
    </message>
    <message>
        <source>Apply preset %1</source>
        <translation>プリセット %1 を適用</translation>
    </message>
    <message>
        <source>Mute %1</source>
        <translation>%1 をミュート</translation>
    </message>
    <message>
        <source>Unmute %1</source>
        <translation>%1 のミュートを解除</translation>
    </message>
    <message>
        <source>Unsolo %1</source>
        <translation>%1 のソロを解除</translation>
    </message>
    <message>
        <source>Solo %1</source>
        <translation>%1 をソロ</translation>
    </message>
    <message>
        <source>Select layers first: type a band such as 20-29, or tick rows.</source>
        <translation>先にレイヤーを選択してください: 20-29 のような範囲を入力するか、行にチェックを入れます。</translation>
    </message>
    <message>
        <source>None: the clip is inverted</source>
        <translation>なし: クリップを反転（インバージョン）します</translation>
    </message>
    <message>
        <source>If the source clip is this model's render, the seed it was rendered with: the source then walks from that seed's noise and matches the clip exactly. Leave it empty for any other clip, which is inverted first (slower, approximate)</source>
        <translation>ソースクリップがこのモデルでレンダリングしたものなら、そのときのシード。ソースはそのシードのノイズから進み、クリップと正確に一致します。ほかのクリップでは空欄のままにしてください。先に反転（インバージョン）します（低速で近似）</translation>
    </message>
    <message>
        <source>Source see&amp;d</source>
        <translation>ソースのシード(&amp;D)</translation>
    </message>
    <message>
        <source>Set all layers to %1</source>
        <translation>すべてのレイヤーを %1 に設定</translation>
    </message>
    <message>
        <source>Set layer %1 to %2</source>
        <translation>レイヤー %1 を %2 に設定</translation>
    </message>
    <message>
        <source>Set layers %1 to %2</source>
        <translation>レイヤー %1 を %2 に設定</translation>
    </message>
    <message>
        <source>Injected: %1</source>
        <translation>注入: %1</translation>
    </message>
</context>
<context>
    <name>mbq::Inspector</name>
    <message>
        <source>&amp;Target prompt</source>
        <translation>ターゲットプロンプト(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Negative</source>
        <translation>ネガティブ(&amp;N)</translation>
    </message>
    <message>
        <source>S&amp;ource prompt</source>
        <translation>ソースプロンプト(&amp;O)</translation>
    </message>
    <message>
        <source>S&amp;eed</source>
        <translation>シード(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Size</source>
        <translation>サイズ(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Frames / fps</source>
        <translation>フレーム / fps(&amp;F)</translation>
    </message>
    <message>
        <source>S&amp;teps / sampler</source>
        <translation>ステップ / サンプラー(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Guidance / shift</source>
        <translation>ガイダンス / シフト(&amp;G)</translation>
    </message>
    <message>
        <source>What the new clip shows</source>
        <translation>新しいクリップに映すもの</translation>
    </message>
    <message>
        <source>What to avoid</source>
        <translation>避けたいもの</translation>
    </message>
    <message>
        <source>Empty by default: the source pass runs unprompted</source>
        <translation>既定では空: ソースのパスはプロンプトなしで実行されます</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>A locked seed is kept when you ask for a new variation</source>
        <translation>固定したシードは新しいバリエーションを作成しても変わりません</translation>
    </message>
    <message>
        <source>Randomise</source>
        <translation>ランダム</translation>
    </message>
    <message>
        <source>Pick a new random seed</source>
        <translation>新しいシードをランダムに選びます</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <source>Denoising steps</source>
        <translation>ノイズ除去のステップ数</translation>
    </message>
    <message>
        <source>Classifier-free guidance scale</source>
        <translation>Classifier-free guidance（CFG）のスケール</translation>
    </message>
    <message>
        <source>Flow-matching shift of the noise schedule</source>
        <translation>ノイズスケジュールのフローマッチング・シフト</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>幅</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高さ</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 または %2</translation>
    </message>
    <message>
        <source>%1 %2 does not suit this model, which takes multiples of %3; nearest valid: %4</source>
        <translation>%1 %2 はこのモデルに合いません（サイズは %3 の倍数）。近い有効値: %4</translation>
    </message>
    <message>
        <source>%1 frames do not suit this model, which takes %2n+%3 frames; nearest valid: %4</source>
        <translation>%1 フレームはこのモデルに合いません（%2n+%3 フレーム）。近い有効値: %4</translation>
    </message>
    <message>
        <source>%1 %2 snapped to %3 (this model takes multiples of %4)</source>
        <translation>%1 %2 を %3 に丸めました（このモデルのサイズは %4 の倍数です）</translation>
    </message>
    <message>
        <source>%1 frames snapped to %2 (this model takes %3n+%4 frames)</source>
        <translation>%1 フレームを %2 に丸めました（このモデルは %3n+%4 フレームを扱います）</translation>
    </message>
</context>
<context>
    <name>mbq::JsonReader</name>
    <message>
        <source>is missing</source>
        <translation>がありません</translation>
    </message>
    <message>
        <source>must be %1, got %2</source>
        <translation>は %1 である必要がありますが、%2 です</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>配列</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>文字列</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true または false</translation>
    </message>
    <message>
        <source>must be a whole number, got %1</source>
        <translation>は整数である必要があります（値: %1）</translation>
    </message>
    <message>
        <source>must be a whole number in [0, 2^53] (write larger values as a string), got %1</source>
        <translation>は [0, 2^53] の範囲の整数である必要があります（これより大きい値は文字列で記述してください。値: %1）</translation>
    </message>
    <message>
        <source>a decimal string</source>
        <translation>10 進数の文字列</translation>
    </message>
    <message>
        <source>must be a decimal number from 0 to 18446744073709551615, got "%1"</source>
        <translation>は 0 から 18446744073709551615 までの 10 進数である必要があります（値: 「%1」）</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ブール値</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>値なし</translation>
    </message>
</context>
<context>
    <name>mbq::LayerGroups</name>
    <message>
        <source>Middle</source>
        <translation>ミドル</translation>
    </message>
    <message>
        <source>Down %1</source>
        <translation>ダウン %1</translation>
    </message>
    <message>
        <source>Up %1</source>
        <translation>アップ %1</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>レイヤー</translation>
    </message>
    <message>
        <source>Spatial</source>
        <translation>空間</translation>
    </message>
    <message>
        <source>Temporal</source>
        <translation>時間</translation>
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
        <translation>ミュート: 重みを 0 にします。もう一度クリックすると元に戻ります</translation>
    </message>
    <message>
        <source>S</source>
        <comment>solo</comment>
        <translation>S</translation>
    </message>
    <message>
        <source>Solo: only this layer injects, click again to restore the others</source>
        <translation>ソロ: このレイヤーだけが注入します。もう一度クリックすると他のレイヤーが元に戻ります</translation>
    </message>
    <message>
        <source>Weight of %1</source>
        <translation>%1 の重み</translation>
    </message>
</context>
<context>
    <name>mbq::LayerSelection</name>
    <message>
        <source>Layer %1 does not exist: the model has no layers.</source>
        <translation>レイヤー %1 は存在しません: モデルにレイヤーがありません。</translation>
    </message>
    <message>
        <source>Layer %1 does not exist: the model has %2 layers (0-%3).</source>
        <translation>レイヤー %1 は存在しません: モデルのレイヤーは %2 個です（0-%3）。</translation>
    </message>
    <message>
        <source>Unknown layer "%1" for this model.</source>
        <translation>このモデルに「%1」というレイヤーはありません。</translation>
    </message>
    <message>
        <source>The range %1 is reversed; write %2-%3.</source>
        <translation>範囲 %1 は逆順です。%2-%3 と入力してください。</translation>
    </message>
</context>
<context>
    <name>mbq::MainWindow</name>
    <message>
        <source>mbq projects (*.mbqproj);;All files (*)</source>
        <translation>mbq プロジェクト (*.mbqproj);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Device: starting…</source>
        <translation>デバイス: 起動中…</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>デバイス: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Demo Project</source>
        <translation>デモプロジェクトを開く(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Render</source>
        <translation>レンダリング(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Motion by Queries Studio</source>
        <translation>Motion by Queries Studio について(&amp;A)</translation>
    </message>
    <message>
        <source>Cannot open the demo project</source>
        <translation>デモプロジェクトを開けません</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>プロジェクトを開けません</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>プロジェクトを開く</translation>
    </message>
    <message>
        <source>Cannot save project</source>
        <translation>プロジェクトを保存できません</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>名前を付けてプロジェクトを保存</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them first?</source>
        <translation>%1 には未保存の変更があります。先に保存しますか？</translation>
    </message>
    <message>
        <source>About Motion by Queries Studio</source>
        <translation>Motion by Queries Studio について</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Motion by Queries Studio&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Zero-shot motion transfer: the self-attention queries of a source clip steer the motion of a new video that looks like its own prompt.&lt;/p&gt;&lt;p&gt;Device: %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Motion by Queries Studio&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;ゼロショット・モーション転送: ソースクリップのセルフアテンションのクエリが、独自のプロンプトどおりの見た目を持つ新しい動画の動きを導きます。&lt;/p&gt;&lt;p&gt;デバイス: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Model: none chosen</source>
        <translation>モデル: 未選択</translation>
    </message>
    <message>
        <source>Model: loading %1…</source>
        <translation>モデル: %1 を読み込み中…</translation>
    </message>
    <message>
        <source>%1[*] — Motion by Queries Studio</source>
        <translation>%1[*] — Motion by Queries Studio</translation>
    </message>
    <message>
        <source>Model: not loaded</source>
        <translation>モデル: 未読み込み</translation>
    </message>
    <message>
        <source>Choose &amp;Model Folder…</source>
        <translation>モデルフォルダを選択(&amp;M)…</translation>
    </message>
    <message>
        <source>Choose Model Folder</source>
        <translation>モデルフォルダを選択</translation>
    </message>
    <message>
        <source>%1B</source>
        <translation>%1B</translation>
    </message>
    <message>
        <source>%1M</source>
        <translation>%1M</translation>
    </message>
    <message>
        <source>%1k</source>
        <translation>%1k</translation>
    </message>
    <message>
        <source>Model: %1 (%2 layout, %3 parameters)</source>
        <translation>モデル: %1（%2 レイアウト、%3 パラメータ）</translation>
    </message>
    <message>
        <source>Video clips (*.mp4 *.mov *.mkv *.webm *.avi *.gif);;All files (*)</source>
        <translation>動画クリップ (*.mp4 *.mov *.mkv *.webm *.avi *.gif);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>新規プロジェクト(&amp;N)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったプロジェクト(&amp;R)</translation>
    </message>
    <message>
        <source>Set &amp;Source Clip…</source>
        <translation>ソースクリップを設定(&amp;C)…</translation>
    </message>
    <message>
        <source>Model &amp;Manager…</source>
        <translation>モデルマネージャー(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Export Take…</source>
        <translation>テイクを書き出し(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>環境設定(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>プレビュー(&amp;P)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>S&amp;weep…</source>
        <translation>スイープ(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>再生(&amp;P)</translation>
    </message>
    <message>
        <source>Render</source>
        <translation>レンダリング</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>インスペクタ</translation>
    </message>
    <message>
        <source>Q Injection</source>
        <translation>Q インジェクション</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Trade-off</source>
        <translation>トレードオフ</translation>
    </message>
    <message>
        <source>Per Frame</source>
        <translation>フレーム別</translation>
    </message>
    <message>
        <source>Recover unsaved changes?</source>
        <translation>未保存の変更を復元しますか？</translation>
    </message>
    <message>
        <source>%1 has changes that were not saved when the studio last closed. Recover them?</source>
        <translation>%1 には、前回 Studio を閉じたときに保存されなかった変更があります。復元しますか？</translation>
    </message>
    <message>
        <source>Cannot recover</source>
        <translation>復元できません</translation>
    </message>
    <message>
        <source>Recovered unsaved changes; save to keep them</source>
        <translation>未保存の変更を復元しました。残すには保存してください</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自動保存に失敗しました: %1</translation>
    </message>
    <message>
        <source>the motion reference</source>
        <translation>モーションの参照元</translation>
    </message>
    <message>
        <source>Finished %1</source>
        <translation>%1 が完了しました</translation>
    </message>
    <message>
        <source>Show in Compare View</source>
        <translation>比較ビューに表示</translation>
    </message>
    <message>
        <source>Use These Settings</source>
        <translation>この設定を使用</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>名前を変更…</translation>
    </message>
    <message>
        <source>Rename Take</source>
        <translation>テイクの名前を変更</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名前:</translation>
    </message>
    <message>
        <source>Cancel Render</source>
        <translation>レンダリングをキャンセル</translation>
    </message>
    <message>
        <source>Remove from Timeline</source>
        <translation>タイムラインから削除</translation>
    </message>
    <message>
        <source>Set Source Clip</source>
        <translation>ソースクリップを設定</translation>
    </message>
    <message>
        <source>Queued %1</source>
        <translation>%1 をキューに追加しました</translation>
    </message>
    <message>
        <source>Preview at reduced settings: %1×%2, %3 frames, %4 steps</source>
        <translation>設定を下げてプレビュー: %1×%2、%3 フレーム、%4 ステップ</translation>
    </message>
    <message numerus="yes">
        <source>Queued a sweep of %n renders</source>
        <translation><numerusform>%n 件のレンダリングのスイープをキューに追加しました</numerusform></translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>書き出すものがありません</translation>
    </message>
    <message>
        <source>Render a take, or pick one on the timeline, first.</source>
        <translation>先にテイクをレンダリングするか、タイムラインで選択してください。</translation>
    </message>
    <message>
        <source>Preferences not applied</source>
        <translation>環境設定を適用できませんでした</translation>
    </message>
    <message>
        <source>The engine keeps its previous settings: %1</source>
        <translation>エンジンは以前の設定のままです: %1</translation>
    </message>
    <message>
        <source>Cannot use the take's settings</source>
        <translation>テイクの設定を使用できません</translation>
    </message>
    <message>
        <source>Cannot rename the take</source>
        <translation>テイクの名前を変更できません</translation>
    </message>
    <message>
        <source>Cannot remove the take</source>
        <translation>テイクを削除できません</translation>
    </message>
    <message>
        <source>Cannot use the take as the source</source>
        <translation>テイクをソースとして使用できません</translation>
    </message>
    <message>
        <source>Source clip: %1, with its seed %2 for lockstep extraction</source>
        <translation>ソースクリップ: %1（ロックステップ抽出用にシード %2 を使用）</translation>
    </message>
    <message>
        <source>Source clip: %1</source>
        <translation>ソースクリップ: %1</translation>
    </message>
    <message>
        <source>Use as Source Clip</source>
        <translation>ソースクリップとして使用</translation>
    </message>
    <message>
        <source>Current settings differ from %1 — Render or Preview to see them</source>
        <translation>現在の設定は %1 と異なります — 確認するにはレンダリングまたはプレビューしてください</translation>
    </message>
    <message>
        <source>Not a video clip</source>
        <translation>ビデオクリップではありません</translation>
    </message>
    <message>
        <source>Not a model folder</source>
        <translation>モデルフォルダではありません</translation>
    </message>
    <message>
        <source>&lt;p&gt;Build:&lt;/p&gt;</source>
        <translation>&lt;p&gt;ビルド:&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>mbq::Media</name>
    <message>
        <source>%1: stopped after %2 frames: more would not fit in %3 MiB</source>
        <translation>%1: %2 フレームで停止しました: これ以上は %3 MiB に収まりません</translation>
    </message>
    <message>
        <source>%1: no frame could be decoded</source>
        <translation>%1: デコードできたフレームがありません</translation>
    </message>
    <message>
        <source>A filmstrip needs a positive count and height</source>
        <translation>フィルムストリップには正の枚数と高さが必要です</translation>
    </message>
    <message>
        <source>Cannot compare: %1 has no frames</source>
        <translation>比較できません: %1 にフレームがありません</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: ファイルが見つかりません</translation>
    </message>
    <message>
        <source>%1: is a folder, not a video</source>
        <translation>%1: 動画ではなくフォルダです</translation>
    </message>
    <message>
        <source>%1: is empty</source>
        <translation>%1: 空です</translation>
    </message>
    <message>
        <source>%1: out of memory</source>
        <translation>%1: メモリ不足です</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: 読み込めません: %2</translation>
    </message>
    <message>
        <source>%1: not a video file FFmpeg can read (%2)</source>
        <translation>%1: FFmpeg で読み込める動画ファイルではありません（%2）</translation>
    </message>
    <message>
        <source>%1: cannot read the streams: %2</source>
        <translation>%1: ストリームを読み込めません: %2</translation>
    </message>
    <message>
        <source>%1: contains no video stream</source>
        <translation>%1: 動画ストリームがありません</translation>
    </message>
    <message>
        <source>%1: this FFmpeg has no decoder for %2</source>
        <translation>%1: この FFmpeg には %2 のデコーダがありません</translation>
    </message>
    <message>
        <source>%1: the video has no frame size</source>
        <translation>%1: 動画にフレームサイズがありません</translation>
    </message>
    <message>
        <source>%1: cannot open the %2 decoder: %3</source>
        <translation>%1: %2 デコーダを開けません: %3</translation>
    </message>
    <message>
        <source>Cannot export to %1: no such folder</source>
        <translation>%1 に書き出せません: フォルダが存在しません</translation>
    </message>
    <message>
        <source>Cannot export %1: the clip has no frames</source>
        <translation>%1 を書き出せません: クリップにフレームがありません</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 を書き込めません: %2</translation>
    </message>
    <message>
        <source>%1 (further problems not listed)</source>
        <translation>%1（以降の問題は省略）</translation>
    </message>
    <message>
        <source>%1: frame %2 at %3 s is damaged; shown as far as it decoded</source>
        <translation>%1: %L3 s のフレーム %2 が破損しています。デコードできた部分まで表示します</translation>
    </message>
    <message>
        <source>%1: a frame after %2 s could not be decoded: %3</source>
        <translation>%1: %L2 s 以降のフレームをデコードできませんでした: %3</translation>
    </message>
    <message>
        <source>%1: gave up after %2 packets without a picture</source>
        <translation>%1: 画像を含まないパケットが %2 個続いたため中止しました</translation>
    </message>
    <message>
        <source>reading stalled for more than %1 s</source>
        <translation>読み込みが %1 s 以上止まりました</translation>
    </message>
    <message>
        <source>%1: cannot read past %2 s: %3</source>
        <translation>%1: %L2 s より先を読み込めません: %3</translation>
    </message>
    <message>
        <source>%1: damaged data at %2 s could not be decoded: %3</source>
        <translation>%1: %L2 s の破損データをデコードできませんでした: %3</translation>
    </message>
    <message>
        <source>%1: cannot seek to %2 s: %3</source>
        <translation>%1: %L2 s にシークできません: %3</translation>
    </message>
    <message>
        <source>%1: frame %2 has no usable picture</source>
        <translation>%1: フレーム %2 に使用できる画像がありません</translation>
    </message>
    <message>
        <source>%1: cannot convert %2 pictures to RGB</source>
        <translation>%1: %2 形式の画像を RGB に変換できません</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>ディスクがいっぱいです</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>アクセスが拒否されました</translation>
    </message>
    <message>
        <source>the file would exceed the largest size allowed here</source>
        <translation>ファイルがこの場所で許可される最大サイズを超えます</translation>
    </message>
    <message>
        <source>Cannot encode %1: %2</source>
        <translation>%1 をエンコードできません: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: empty video (%2×%3 at %4 fps)</source>
        <translation>%1 を書き込めません: 動画が空です（%2×%3、%4 fps）</translation>
    </message>
    <message>
        <source>Cannot write %1: %2 needs an even width and height, not %3×%4</source>
        <translation>%1 を書き込めません: %2 には偶数の幅と高さが必要です（%3×%4 は不可）</translation>
    </message>
    <message>
        <source>Cannot write %1: unknown container; use .mp4, .mov or .mkv</source>
        <translation>%1 を書き込めません: 不明なコンテナです。.mp4、.mov、.mkv のいずれかを使用してください</translation>
    </message>
    <message>
        <source>Cannot write %1: this FFmpeg has no %2 encoder</source>
        <translation>%1 を書き込めません: この FFmpeg には %2 エンコーダがありません</translation>
    </message>
    <message>
        <source>Cannot write %1: %2 video cannot be stored in a .%3 file</source>
        <translation>%1 を書き込めません: %2 の動画は .%3 ファイルに保存できません</translation>
    </message>
    <message>
        <source>Cannot write %1: the folder %2 does not exist</source>
        <translation>%1 を書き込めません: フォルダ %2 が存在しません</translation>
    </message>
    <message>
        <source>Cannot write %1: out of memory</source>
        <translation>%1 を書き込めません: メモリ不足です</translation>
    </message>
    <message>
        <source>Cannot write %1: the %2 encoder refused the settings: %3</source>
        <translation>%1 を書き込めません: %2 エンコーダが設定を受け付けませんでした: %3</translation>
    </message>
    <message>
        <source>Cannot write %1: no RGB conversion to %2</source>
        <translation>%1 を書き込めません: RGB から %2 への変換がありません</translation>
    </message>
    <message>
        <source>Cannot write %1: the writer is closed</source>
        <translation>%1 を書き込めません: 出力は既に閉じられています</translation>
    </message>
    <message>
        <source>Cannot write %1: the clip has no frames</source>
        <translation>%1 を書き込めません: クリップにフレームがありません</translation>
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
        <translation>メモリ %1 / %2 GB</translation>
    </message>
    <message>
        <source>GPU memory held by the engine now, of the device's total; at most %1 GB during the last render</source>
        <translation>エンジンが現在使用している GPU メモリ（デバイス全体のうち）。直前のレンダリング中の最大は %1 GB</translation>
    </message>
    <message>
        <source>Memory of the studio's process now, of the machine's total; at most %1 GB during the last render</source>
        <translation>スタジオのプロセスが現在使用しているメモリ（マシン全体のうち）。直前のレンダリング中の最大は %1 GB</translation>
    </message>
</context>
<context>
    <name>mbq::Metrics</name>
    <message>
        <source>The %1 clip needs at least two frames</source>
        <translation>%1 クリップには少なくとも 2 フレームが必要です</translation>
    </message>
</context>
<context>
    <name>mbq::ModelManagerDialog</name>
    <message>
        <source>Use This Model</source>
        <translation>このモデルを使用</translation>
    </message>
    <message>
        <source>Model Manager</source>
        <translation>モデルマネージャー</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>コンポーネント</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>テンソル</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>パラメータ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>フォルダを追加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Add Model Folder</source>
        <translation>モデルフォルダを追加</translation>
    </message>
    <message>
        <source>Not usable: %1</source>
        <translation>使用できません: %1</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <source>%1 (%2 layout) · %3 parameters · about %4 GB of GPU memory at %5×%6, %7 frames (rough estimate)</source>
        <translation>%1（%2 レイアウト）· %3 パラメータ · %5×%6、%7 フレームで GPU メモリ約 %4 GB（概算）</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>不足: %1</translation>
    </message>
</context>
<context>
    <name>mbq::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>環境設定</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>Automatic (CUDA when present)</source>
        <translation>自動（利用可能なら CUDA）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>Automatic (bfloat16 on CUDA, float32 on CPU)</source>
        <translation>自動（CUDA では bfloat16、CPU では float32）</translation>
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
        <translation>使用中: 起動中…</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>使用中: %1</translation>
    </message>
    <message>
        <source>Computation</source>
        <translation>計算</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>デバイス(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Precision:</source>
        <translation>精度(&amp;P):</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>無制限</translation>
    </message>
    <message>
        <source>Memory for the latent after each denoising step, kept so a re-render resumes at the first step that changed</source>
        <translation>各ノイズ除去ステップ後の潜在表現を保持するメモリ。再レンダリングは最初に変更されたステップから再開します</translation>
    </message>
    <message>
        <source>Disk space in the cache folder for steps that no longer fit in memory</source>
        <translation>メモリに収まらなくなったステップ用の、キャッシュフォルダ内のディスク容量</translation>
    </message>
    <message>
        <source>None: steps are kept in memory only</source>
        <translation>なし: ステップはメモリにのみ保持されます</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>Caches</source>
        <translation>キャッシュ</translation>
    </message>
    <message>
        <source>&amp;Q bank:</source>
        <translation>Q バンク(&amp;Q):</translation>
    </message>
    <message>
        <source>&amp;Trajectory in memory:</source>
        <translation>メモリ上の軌跡(&amp;T):</translation>
    </message>
    <message>
        <source>Cache &amp;folder:</source>
        <translation>キャッシュフォルダ(&amp;F):</translation>
    </message>
    <message>
        <source>Choose Cache Folder</source>
        <translation>キャッシュフォルダを選択</translation>
    </message>
    <message>
        <source>Trajectory on dis&amp;k:</source>
        <translation>ディスク上の軌跡(&amp;K):</translation>
    </message>
    <message>
        <source>Memory on the compute device for the source's captured queries, kept so the next render of the same source skips extraction</source>
        <translation>ソースから取得したクエリを計算デバイス上に保持するメモリ。同じソースの次のレンダリングで抽出を省略できます</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Host memory for captured queries past the device budget; on a GPU they come back over PCIe instead of being extracted again</source>
        <translation>デバイスの上限を超えたクエリを置くホストメモリ。GPU では再抽出せずに PCIe 経由で戻します</translation>
    </message>
    <message>
        <source>Store queries in &amp;8-bit floating point</source>
        <translation>クエリを 8 ビット浮動小数点で保存(&amp;8)</translation>
    </message>
    <message>
        <source>A quarter of float32's memory per query, with a scale per token and head; each value keeps three mantissa bits</source>
        <translation>クエリあたり float32 の 4 分の 1 のメモリ。トークンとヘッドごとにスケールを持ち、各値は仮数部 3 ビットを保持します</translation>
    </message>
    <message>
        <source>Q bank in &amp;host memory:</source>
        <translation>ホストメモリ上の Q バンク(&amp;H):</translation>
    </message>
    <message>
        <source>Disk space in the cache folder for captured queries past the memory budgets</source>
        <translation>メモリの上限を超えたクエリを置くキャッシュフォルダ内のディスク容量</translation>
    </message>
    <message>
        <source>Q bank on di&amp;sk:</source>
        <translation>ディスク上の Q バンク(&amp;S):</translation>
    </message>
</context>
<context>
    <name>mbq::ProjectDocument</name>
    <message>
        <source>Add take "%1"</source>
        <translation>テイク「%1」を追加</translation>
    </message>
    <message>
        <source>Remove take "%1"</source>
        <translation>テイク「%1」を削除</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <source>The project has no file yet; choose where to save it.</source>
        <translation>このプロジェクトにはまだファイルがありません。保存先を選択してください。</translation>
    </message>
    <message>
        <source>Edit negative prompt</source>
        <translation>ネガティブプロンプトを編集</translation>
    </message>
    <message>
        <source>Edit source prompt</source>
        <translation>ソースプロンプトを編集</translation>
    </message>
    <message>
        <source>Set seed to %1</source>
        <translation>シードを %1 に設定</translation>
    </message>
    <message>
        <source>Lock seed</source>
        <translation>シードを固定</translation>
    </message>
    <message>
        <source>Unlock seed</source>
        <translation>シードの固定を解除</translation>
    </message>
    <message>
        <source>Change generation settings</source>
        <translation>生成設定を変更</translation>
    </message>
    <message>
        <source>A layer id is required.</source>
        <translation>レイヤー ID が必要です。</translation>
    </message>
    <message>
        <source>The weight of %1 must be in [0, 1], got %2</source>
        <translation>%1 の重みは [0, 1] の範囲内である必要があります（値: %2）</translation>
    </message>
    <message>
        <source>Set weight of %1 to %2</source>
        <translation>%1 の重みを %L2 に設定</translation>
    </message>
    <message>
        <source>The weight of head %1 of %2 must be in [0, 1], got %3</source>
        <translation>%2 のヘッド %1 の重みは [0, 1] の範囲内である必要があります（値: %3）</translation>
    </message>
    <message>
        <source>Set head weights of %1</source>
        <translation>%1 のヘッドの重みを設定</translation>
    </message>
    <message>
        <source>The step range [%1, %2) is not valid.</source>
        <translation>ステップ範囲 [%1, %2) は無効です。</translation>
    </message>
    <message>
        <source>Set injection mode to %1</source>
        <translation>インジェクションモードを %1 に設定</translation>
    </message>
    <message>
        <source>The extraction timestep must be in [0, 1000], got %1</source>
        <translation>抽出タイムステップは [0, 1000] の範囲内である必要があります（値: %1）</translation>
    </message>
    <message>
        <source>Set source extraction</source>
        <translation>ソース抽出を設定</translation>
    </message>
    <message>
        <source>Inject into %1 guidance branches</source>
        <translation>ガイダンス分岐への注入: %1</translation>
    </message>
    <message>
        <source>Clear token mask</source>
        <translation>トークンマスクを消去</translation>
    </message>
    <message>
        <source>Paint token mask</source>
        <translation>トークンマスクを描画</translation>
    </message>
    <message>
        <source>Replace injection schedule</source>
        <translation>インジェクションスケジュールを置換</translation>
    </message>
    <message>
        <source>Set source clip</source>
        <translation>ソースクリップを設定</translation>
    </message>
    <message>
        <source>Set model folder</source>
        <translation>モデルフォルダを設定</translation>
    </message>
    <message>
        <source>There is no place %1 for a shot.</source>
        <translation>ショットを位置 %1 に置くことはできません。</translation>
    </message>
    <message>
        <source>Shot duration</source>
        <translation>ショットの長さ</translation>
    </message>
    <message>
        <source>Add shot %1</source>
        <translation>ショット %1 を追加</translation>
    </message>
    <message>
        <source>There is no shot %1.</source>
        <translation>ショット %1 はありません。</translation>
    </message>
    <message>
        <source>A project keeps at least one shot.</source>
        <translation>プロジェクトには少なくとも 1 つのショットが必要です。</translation>
    </message>
    <message>
        <source>Remove shot %1</source>
        <translation>ショット %1 を削除</translation>
    </message>
    <message>
        <source>Edit target prompt</source>
        <translation>ターゲットプロンプトを編集</translation>
    </message>
    <message>
        <source>Edit shot %1</source>
        <translation>ショット %1 を編集</translation>
    </message>
    <message>
        <source>A take needs an id.</source>
        <translation>テイクには ID が必要です。</translation>
    </message>
    <message>
        <source>There is already a take with id %1.</source>
        <translation>ID %1 のテイクは既に存在します。</translation>
    </message>
    <message>
        <source>There is no take with id %1.</source>
        <translation>ID %1 のテイクはありません。</translation>
    </message>
    <message>
        <source>Rename take "%1" to "%2"</source>
        <translation>テイク「%1」の名前を「%2」に変更</translation>
    </message>
    <message>
        <source>Update take "%1"</source>
        <translation>テイク「%1」を更新</translation>
    </message>
    <message>
        <source>Use the settings of "%1"</source>
        <translation>「%1」の設定を使用</translation>
    </message>
    <message>
        <source>Set source seed %1</source>
        <translation>ソースのシードを %1 に設定</translation>
    </message>
    <message>
        <source>Clear source seed</source>
        <translation>ソースのシードを解除</translation>
    </message>
    <message>
        <source>"%1" has no finished video to use as the source.</source>
        <translation>「%1」にはソースとして使える完成した動画がありません。</translation>
    </message>
    <message>
        <source>Use "%1" as the source</source>
        <translation>「%1」をソースとして使用</translation>
    </message>
    <message>
        <source>Set steps %1–%2</source>
        <translation>ステップを %1–%2 に設定</translation>
    </message>
</context>
<context>
    <name>mbq::ProjectFile</name>
    <message>
        <source>%1: no such file</source>
        <translation>%1: ファイルが見つかりません</translation>
    </message>
    <message>
        <source>%1: is a folder, not a project file</source>
        <translation>%1: プロジェクトファイルではなくフォルダです</translation>
    </message>
    <message>
        <source>%1: is %2 MiB, larger than any project (limit %3 MiB)</source>
        <translation>%1: %2 MiB あり、プロジェクトとしては大きすぎます（上限 %3 MiB）</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: 読み込めません: %2</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 を保存できません: %2</translation>
    </message>
</context>
<context>
    <name>mbq::ProjectFormat</name>
    <message>
        <source>must be one of %1, got "%2"</source>
        <translation>は %1 のいずれかである必要があります（値: 「%2」）</translation>
    </message>
    <message>
        <source>must hold at least one shot</source>
        <translation>には少なくとも 1 つのショットが必要です</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>は空にできません</translation>
    </message>
    <message>
        <source>must be an ISO 8601 date and time, got "%1"</source>
        <translation>は ISO 8601 形式の日時である必要があります（値: 「%1」）</translation>
    </message>
    <message>
        <source>cannot upgrade from format_version %1</source>
        <translation>format_version %1 からはアップグレードできません</translation>
    </message>
    <message>
        <source>is %1 MiB, larger than any project (limit %2 MiB)</source>
        <translation>%1 MiB あり、プロジェクトとしては大きすぎます（上限 %2 MiB）</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>空です</translation>
    </message>
    <message>
        <source>is not valid JSON: %1 at line %2, column %3</source>
        <translation>有効な JSON ではありません: %1（%2 行 %3 列）</translation>
    </message>
    <message>
        <source>must hold a JSON object at the top level</source>
        <translation>トップレベルが JSON オブジェクトである必要があります</translation>
    </message>
    <message>
        <source>is not an mbq project (app is "%1")</source>
        <translation>mbq プロジェクトではありません（app: 「%1」）</translation>
    </message>
    <message>
        <source>was made by a newer mbq (format_version %1; this version reads up to %2). Update mbq to open it.</source>
        <translation>より新しい mbq で作成されています（format_version %1。このバージョンで読めるのは %2 までです）。開くには mbq を更新してください。</translation>
    </message>
    <message>
        <source>format_version must be &gt;= 0, got %1</source>
        <translation>format_version は 0 以上である必要があります（値: %1）</translation>
    </message>
    <message>
        <source>%1.id repeats take id "%2"</source>
        <translation>%1.id でテイク ID「%2」が重複しています</translation>
    </message>
</context>
<context>
    <name>mbq::ProjectInputs</name>
    <message>
        <source>Found: nothing, the folder is empty.</source>
        <translation>見つかったもの: なし（フォルダは空です）。</translation>
    </message>
    <message numerus="yes">
        <source>Found: %1 and %n more</source>
        <translation><numerusform>見つかったもの: %1 ほか %n 件</numerusform></translation>
    </message>
    <message>
        <source>Found: %1</source>
        <translation>見つかったもの: %1</translation>
    </message>
    <message>
        <source>%1 is an incomplete %2 model folder (%3 layout):
%4</source>
        <translation>%1 は不完全な %2 モデルフォルダです（%3 レイアウト）:
%4</translation>
    </message>
    <message>
        <source>Looked for a video clip FFmpeg can read (for example MP4, MOV, MKV, WebM, AVI or GIF) with at least one frame.</source>
        <translation>FFmpeg で読み込める、1 フレーム以上のビデオクリップ（MP4、MOV、MKV、WebM、AVI、GIF など）を探しました。</translation>
    </message>
</context>
<context>
    <name>mbq::PromptFit</name>
    <message>
        <source>This prompt is longer than the %1 tokens the model reads: the rest is cut.</source>
        <translation>このプロンプトはモデルが読み取る %1 トークンより長いため、超えた部分は切り捨てられます。</translation>
    </message>
    <message>
        <source>This prompt fills all %1 tokens the model reads: anything longer is cut.</source>
        <translation>このプロンプトはモデルが読み取る %1 トークンをすべて使っています。これより長い部分は切り捨てられます。</translation>
    </message>
</context>
<context>
    <name>mbq::RenderJobDelegate</name>
    <message>
        <source>Queued</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Waiting for the render thread</source>
        <translation>レンダリングスレッドを待っています</translation>
    </message>
    <message>
        <source>Finished in %1</source>
        <translation>%1 で完了</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>残り %1</translation>
    </message>
</context>
<context>
    <name>mbq::RenderPass</name>
    <message>
        <source>Load model</source>
        <translation>モデル読み込み</translation>
    </message>
    <message>
        <source>Read source</source>
        <translation>ソース読み込み</translation>
    </message>
    <message>
        <source>Encode source</source>
        <translation>ソースのエンコード</translation>
    </message>
    <message>
        <source>Invert source</source>
        <translation>ソースのインバージョン</translation>
    </message>
    <message>
        <source>Source pass</source>
        <translation>ソースパス</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>ベースライン</translation>
    </message>
    <message>
        <source>Render</source>
        <translation>レンダリング</translation>
    </message>
    <message>
        <source>Decode</source>
        <translation>デコード</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>メトリクス</translation>
    </message>
</context>
<context>
    <name>mbq::RenderProgressIndicator</name>
    <message>
        <source>Cancel Render</source>
        <translation>レンダリングをキャンセル</translation>
    </message>
    <message>
        <source>Stop the running render (Esc); finished steps are kept</source>
        <translation>実行中のレンダリングを停止します（Esc）。完了したステップは保持されます</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message numerus="yes">
        <source>%n more queued</source>
        <translation><numerusform>ほか %n 件が待機中</numerusform></translation>
    </message>
</context>
<context>
    <name>mbq::RenderQueueDock</name>
    <message>
        <source>Render Queue</source>
        <translation>レンダーキュー</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>完了分を消去</translation>
    </message>
    <message>
        <source>Stop the selected job; finished steps are kept</source>
        <translation>選択したジョブを停止します。完了したステップは保持されます</translation>
    </message>
    <message>
        <source>Queue the selected job again</source>
        <translation>選択したジョブを再度キューに追加します</translation>
    </message>
    <message>
        <source>Remove finished, failed and cancelled jobs from the list</source>
        <translation>完了・失敗・キャンセルしたジョブを一覧から削除します</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失敗: %1</translation>
    </message>
</context>
<context>
    <name>mbq::RenderRequest</name>
    <message>
        <source>(no prompt)</source>
        <translation>（プロンプトなし）</translation>
    </message>
</context>
<context>
    <name>mbq::RenderWorker</name>
    <message>
        <source>no inference engine is available</source>
        <translation>推論エンジンを利用できません</translation>
    </message>
    <message>
        <source>internal error: %1</source>
        <translation>内部エラー: %1</translation>
    </message>
    <message>
        <source>internal error: the engine failed to start</source>
        <translation>内部エラー: エンジンを起動できませんでした</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>internal error: unknown exception</source>
        <translation>内部エラー: 不明な例外</translation>
    </message>
    <message>
        <source>the project's model did not load: %1</source>
        <translation>プロジェクトのモデルを読み込めませんでした: %1</translation>
    </message>
</context>
<context>
    <name>mbq::ScheduleJson</name>
    <message>
        <source>must be in [0, 1], got %1</source>
        <translation>は [0, 1] の範囲内である必要があります（値: %1）</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>は空にできません</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>がありません</translation>
    </message>
    <message>
        <source>must be one of %1, got "%2"</source>
        <translation>は %1 のいずれかである必要があります（値: 「%2」）</translation>
    </message>
    <message>
        <source>repeats layer "%1"</source>
        <translation>でレイヤー「%1」が重複しています</translation>
    </message>
    <message>
        <source>must be &gt;= 0, got %1</source>
        <translation>は 0 以上である必要があります（値: %1）</translation>
    </message>
    <message>
        <source>must be &gt;= step_begin (%1), got %2</source>
        <translation>は step_begin（%1）以上である必要があります（値: %2）</translation>
    </message>
    <message>
        <source>must be in [0, 1000], got %1</source>
        <translation>は [0, 1000] の範囲内である必要があります（値: %1）</translation>
    </message>
    <message>
        <source>must be base64-encoded bytes</source>
        <translation>は base64 でエンコードされたバイト列である必要があります</translation>
    </message>
</context>
<context>
    <name>mbq::ScheduleText</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1（%L2）</translation>
    </message>
    <message>
        <source>off</source>
        <translation>オフ</translation>
    </message>
</context>
<context>
    <name>mbq::SettingsRules</name>
    <message>
        <source>%1 or %2</source>
        <translation>%1 または %2</translation>
    </message>
    <message>
        <source>%1 must be a positive multiple of %2 up to %3, got %4; nearest valid: %5</source>
        <translation>%1 は %3 以下の %2 の正の倍数である必要があります（値: %4）。最も近い有効な値: %5</translation>
    </message>
    <message>
        <source>%1fps must be in (0, 240], got %2</source>
        <translation>%1fps は (0, 240] の範囲内である必要があります（値: %2）</translation>
    </message>
    <message>
        <source>%1steps must be in [1, %2], got %3</source>
        <translation>%1steps は [1, %2] の範囲内である必要があります（値: %3）</translation>
    </message>
    <message>
        <source>%1guidance must be &gt;= 0, got %2</source>
        <translation>%1guidance は 0 以上である必要があります（値: %2）</translation>
    </message>
    <message>
        <source>%1shift must be &gt; 0, got %2</source>
        <translation>%1shift は 0 より大きい必要があります（値: %2）</translation>
    </message>
    <message>
        <source>%1 must be a frame count from 1 up to %2, got %3; nearest valid: %4</source>
        <translation>%1 は 1 から %2 までのフレーム数である必要があります（値: %3）。最も近い有効な値: %4</translation>
    </message>
    <message>
        <source>%1 must be %2n+%3 frames (%4, %5, %6, ... up to %7), got %8; nearest valid: %9</source>
        <translation>%1 は %2n+%3 フレーム（%4, %5, %6, ... %7 まで）である必要があります（値: %8）。最も近い有効な値: %9</translation>
    </message>
</context>
<context>
    <name>mbq::StepRangeScrubber</name>
    <message>
        <source>Injected steps</source>
        <translation>注入ステップ</translation>
    </message>
    <message>
        <source>resumes from step %1</source>
        <translation>ステップ %1 から再開</translation>
    </message>
    <message>
        <source>Step %1: injected</source>
        <translation>ステップ %1: 注入あり</translation>
    </message>
    <message>
        <source>Step %1: not injected</source>
        <translation>ステップ %1: 注入なし</translation>
    </message>
    <message>
        <source>Step %1 (t = %2): injected</source>
        <translation>ステップ %1（t = %2）: 注入あり</translation>
    </message>
    <message>
        <source>Step %1 (t = %2): not injected</source>
        <translation>ステップ %1（t = %2）: 注入なし</translation>
    </message>
    <message>
        <source>No steps</source>
        <translation>ステップなし</translation>
    </message>
    <message numerus="yes">
        <source>No step injected (of %n steps)</source>
        <translation><numerusform>注入するステップなし（全 %n ステップ）</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Begin %1, end %2 (of %n steps)</source>
        <translation><numerusform>開始 %1、終了 %2（全 %n ステップ）</numerusform></translation>
    </message>
</context>
<context>
    <name>mbq::SweepDialog</name>
    <message>
        <source>Sweep</source>
        <translation>スイープ</translation>
    </message>
    <message>
        <source>Renders every combination of layer weight and step-range end with the current settings; each cell becomes a take and a point on the trade-off plot as it finishes.</source>
        <translation>レイヤーの重みとステップ範囲の終了位置のすべての組み合わせを、現在の設定でレンダリングします。各セルは完了するとテイクになり、トレードオフのプロットに点として追加されます。</translation>
    </message>
    <message>
        <source>Layer &amp;weights:</source>
        <translation>レイヤーの重み(&amp;W):</translation>
    </message>
    <message>
        <source>Step-range &amp;ends:</source>
        <translation>ステップ範囲の終了位置(&amp;E):</translation>
    </message>
    <message>
        <source>Queue Sweep</source>
        <translation>スイープをキューに追加</translation>
    </message>
    <message>
        <source>“%1” is not a weight between 0 and 1</source>
        <translation>「%1」は 0 から 1 の間の重みではありません</translation>
    </message>
    <message>
        <source>Give at least one weight</source>
        <translation>重みを 1 つ以上指定してください</translation>
    </message>
    <message>
        <source>“%1” is not a step between 1 and %2</source>
        <translation>「%1」は 1 から %2 の間のステップではありません</translation>
    </message>
    <message>
        <source>Give at least one step-range end</source>
        <translation>ステップ範囲の終了位置を 1 つ以上指定してください</translation>
    </message>
    <message numerus="yes">
        <source>%n renders</source>
        <translation><numerusform>%n 件のレンダリング</numerusform></translation>
    </message>
</context>
<context>
    <name>mbq::SweepGrid</name>
    <message>
        <source>%1: %2 is not a weight between 0 and 1</source>
        <translation>%1: %2 は 0 から 1 の重みではありません</translation>
    </message>
    <message>
        <source>%1: %2 is not a whole step</source>
        <translation>%1: %2 は整数のステップではありません</translation>
    </message>
    <message>
        <source>%1: step %2 is outside 0-%3 (the render has %3 steps)</source>
        <translation>%1: ステップ %2 は 0-%3 の範囲外です（レンダリングは %3 ステップです）</translation>
    </message>
    <message>
        <source>%1: “%2” is not a number</source>
        <translation>%1: 「%2」は数値ではありません</translation>
    </message>
    <message>
        <source>%1: “%2” is not a number or a range A:B:STEP</source>
        <translation>%1: 「%2」は数値でも範囲 A:B:STEP でもありません</translation>
    </message>
    <message>
        <source>%1: the STEP of “%2” must be a positive %3</source>
        <translation>%1: 「%2」の STEP は正の%3である必要があります</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数</translation>
    </message>
    <message>
        <source>whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>%1: the range “%2” runs backwards; write %3:%4:%5</source>
        <translation>%1: 範囲「%2」が逆順です。%3:%4:%5 と書いてください</translation>
    </message>
    <message>
        <source>%1: more than %2 values</source>
        <translation>%1: 値が %2 個を超えています</translation>
    </message>
    <message>
        <source>%1: an empty value between commas</source>
        <translation>%1: カンマの間の値が空です</translation>
    </message>
    <message>
        <source>%1: %2 is listed twice</source>
        <translation>%1: %2 が 2 回指定されています</translation>
    </message>
    <message>
        <source>layers: an empty selection between commas</source>
        <translation>layers: カンマの間の選択が空です</translation>
    </message>
    <message>
        <source>layers: “%1”: %2</source>
        <translation>layers: 「%1」: %2</translation>
    </message>
    <message>
        <source>layers: “%1” selects no layer</source>
        <translation>layers: 「%1」はどのレイヤーも選択しません</translation>
    </message>
    <message>
        <source>layers: %1 is listed twice</source>
        <translation>layers: %1 が 2 回指定されています</translation>
    </message>
    <message>
        <source>“%1” is not AXIS=VALUES (for example end-step=0:50:5)</source>
        <translation>「%1」は 軸=値 の形式ではありません（例: end-step=0:50:5）</translation>
    </message>
    <message>
        <source>“%1” is not an axis; use begin-step, end-step, weight or layers (and --seeds for seeds)</source>
        <translation>「%1」は軸ではありません。begin-step、end-step、weight、layers のいずれかを使ってください（シードには --seeds）</translation>
    </message>
    <message>
        <source>%1: no values</source>
        <translation>%1: 値がありません</translation>
    </message>
    <message>
        <source>%1 is varied twice; give all its values in one --vary</source>
        <translation>%1 が 2 回変化させられています。すべての値を 1 つの --vary で指定してください</translation>
    </message>
</context>
<context>
    <name>mbq::SweepTable</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 を書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>mbq::TakeExport</name>
    <message>
        <source>source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>injected</source>
        <translation>注入あり</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>ベースライン</translation>
    </message>
</context>
<context>
    <name>mbq::TakePresenter</name>
    <message>
        <source>layers %1
steps %2–%3 of %4 · %5
seed %6</source>
        <translation>レイヤー %1
ステップ %2–%3（全 %4）· %5
シード %6</translation>
    </message>
    <message>
        <source>motion fidelity</source>
        <translation>モーション忠実度</translation>
    </message>
    <message>
        <source>identity leak</source>
        <translation>アイデンティティ漏れ</translation>
    </message>
    <message>
        <source>warp error</source>
        <translation>ワープ誤差</translation>
    </message>
</context>
<context>
    <name>mbq::TakeRunner</name>
    <message>
        <source>preview %1</source>
        <translation>プレビュー %1</translation>
    </message>
    <message>
        <source>take %1</source>
        <translation>テイク %1</translation>
    </message>
    <message>
        <source>sweep w %1 · end %2</source>
        <translation>スイープ w %1 · 終了 %2</translation>
    </message>
</context>
<context>
    <name>mbq::TimelineModel</name>
    <message>
        <source>fidelity %1</source>
        <translation>忠実度 %1</translation>
    </message>
    <message>
        <source>leak %1</source>
        <translation>漏れ %1</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>rendering</source>
        <translation>レンダリング中</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>Takes</source>
        <translation>テイク</translation>
    </message>
    <message>
        <source>%1
%2
seed %3 · %4×%5 · %6 frames · %7 steps
layers %8 · steps %9–%10</source>
        <translation>%1
%2
シード %3 · %4×%5 · %6 フレーム · %7 ステップ
レイヤー %8 · ステップ %9–%10</translation>
    </message>
</context>
<context>
    <name>mbq::TimelineView</name>
    <message>
        <source>Drop a clip here to set the source</source>
        <translation>ここにクリップをドロップしてソースに設定します</translation>
    </message>
    <message>
        <source>Renders appear here as takes</source>
        <translation>レンダリング結果はここにテイクとして表示されます</translation>
    </message>
</context>
<context>
    <name>mbq::TradeoffPlot</name>
    <message>
        <source>Identity leak (lower is better)</source>
        <translation>アイデンティティ漏れ（低いほど良い）</translation>
    </message>
    <message>
        <source>Motion fidelity (higher is better)</source>
        <translation>モーション忠実度（高いほど良い）</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>パレートフロント</translation>
    </message>
    <message>
        <source>Renders</source>
        <translation>レンダリング結果</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>No renders yet: render, or run a sweep, to fill this plot</source>
        <translation>レンダリングはまだありません。レンダリングするかスイープを実行すると、ここに表示されます</translation>
    </message>
    <message>
        <source>leak %1 · fidelity %2</source>
        <translation>漏れ %1 · 忠実度 %2</translation>
    </message>
    <message>
        <source>On the Pareto front</source>
        <translation>パレートフロント上</translation>
    </message>
</context>
<context>
    <name>mbq::TransportBar</name>
    <message>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>Play or pause all panes together</source>
        <translation>すべてのペインをまとめて再生・一時停止します</translation>
    </message>
    <message>
        <source>Play Backwards</source>
        <translation>逆再生</translation>
    </message>
    <message>
        <source>Play backwards</source>
        <translation>逆方向に再生します</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Play Forwards</source>
        <translation>順再生</translation>
    </message>
    <message>
        <source>Play forwards</source>
        <translation>順方向に再生します</translation>
    </message>
    <message>
        <source>Previous Frame</source>
        <translation>前のフレーム</translation>
    </message>
    <message>
        <source>Step back one frame</source>
        <translation>1 フレーム戻ります</translation>
    </message>
    <message>
        <source>Next Frame</source>
        <translation>次のフレーム</translation>
    </message>
    <message>
        <source>Step forward one frame</source>
        <translation>1 フレーム進みます</translation>
    </message>
    <message>
        <source>Go to Start</source>
        <translation>先頭へ移動</translation>
    </message>
    <message>
        <source>Go to the first frame</source>
        <translation>最初のフレームに移動します</translation>
    </message>
    <message>
        <source>Go to End</source>
        <translation>末尾へ移動</translation>
    </message>
    <message>
        <source>Go to the last frame</source>
        <translation>最後のフレームに移動します</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>ループ</translation>
    </message>
    <message>
        <source>Start over at the end instead of stopping</source>
        <translation>最後まで再生したら停止せずに最初から再生します</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>再生位置</translation>
    </message>
    <message>
        <source>--:--.-- / --:--.-- · no frames</source>
        <translation>--:--.-- / --:--.-- · フレームなし</translation>
    </message>
    <message>
        <source>%1 / %2 · frame %3/%4</source>
        <translation>%1 / %2 · フレーム %3/%4</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>mbq::WipeView</name>
    <message>
        <source>A/B wipe</source>
        <translation>A/B ワイプ</translation>
    </message>
    <message>
        <source>Drag to move the divider, or Tab here and use the arrow keys</source>
        <translation>ドラッグで境界線を移動します。Tab キーでここに移動して矢印キーでも操作できます</translation>
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