import { ComponentFixture, TestBed } from '@angular/core/testing';
import { WebCouncilDataAccess } from './web-council-data-access';

describe('WebCouncilDataAccess', () => {
  let component: WebCouncilDataAccess;
  let fixture: ComponentFixture<WebCouncilDataAccess>;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [WebCouncilDataAccess],
    }).compileComponents();

    fixture = TestBed.createComponent(WebCouncilDataAccess);
    component = fixture.componentInstance;
    await fixture.whenStable();
  });

  it('should create', () => {
    expect(component).toBeTruthy();
  });
});
