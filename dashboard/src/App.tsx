import { DesilPage } from './features/desil/components/DesilPage';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header__inner">
          <h1 className="app-header__title">DTSEN Atlas</h1>
          <p className="app-header__subtitle">Data Tunggal Sosial dan Ekonomi Nasional</p>
        </div>
      </header>
      <main className="app-main">
        <DesilPage />
      </main>
      <footer className="app-footer">
        <p>
          Desil 1 adalah 10% terbawah menurut peringkat kesejahteraan DTSEN, desil 10 adalah 10% teratas. Angka
          dihitung dari versi DTSEN terbaru yang diterbitkan.
        </p>
      </footer>
    </div>
  );
}
